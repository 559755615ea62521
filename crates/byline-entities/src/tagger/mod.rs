//! The trained sequence tagger: hashed features ([`features`]), an averaged structured
//! perceptron with Viterbi decoding ([`model`], [`train`]) over IOB2 tags ([`labels`]).

pub mod clusters;
pub mod fasthash;
pub mod features;
pub mod labels;
pub mod model;
pub mod train;
