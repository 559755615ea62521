//! Machine learning shared by byline's trained extractors (entities, quotes): features
//! hashed into a fixed number of buckets ([`hash`], [`features`]), a linear-chain model
//! with first-order Viterbi decoding under a tag-transition constraint and a compact
//! file format ([`model`]) packed for fast decoding ([`packed`]), averaged structured perceptron training ([`perceptron`]) and logistic regression for
//! calibrated scores ([`logistic`]).
//! The word-cluster table the entity tagger and the portrayal classifier share is here too
//! ([`clusters`]). Everything is deterministic.
#![warn(missing_docs)]

pub mod clusters;
pub mod features;
pub mod hash;
pub mod iob;
pub mod logistic;
pub mod model;
pub mod multiclass;
pub mod packed;
pub mod perceptron;

pub use features::{FeatureHash, Features, char_class, distance_class};
pub use model::{Decode, Model};
pub use multiclass::{MulticlassModel, MulticlassTrainer};
pub use packed::{Packed, PartialSum};
pub use perceptron::{Averaged, TrainOptions};
