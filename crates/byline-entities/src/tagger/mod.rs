//! The trained sequence tagger: hashed features ([`features`]) scored by a
//! `byline_learn` averaged structured perceptron with Viterbi decoding ([`train`],
//! [`NerModel`]) over IOB2 tags ([`labels`]).

pub mod features;
mod gazetteers;
pub mod labels;
pub mod train;

/// The NER model: a linear-chain model over the nine IOB2 tags.
pub type NerModel = byline_learn::Model<{ labels::N_TAGS }>;

/// The NER model packed for decoding.
pub type PackedNerModel = byline_learn::Packed<{ labels::N_TAGS }>;

/// Magic bytes opening an NER model file.
pub const MODEL_MAGIC: &[u8; 8] = b"BYLNER01";
