//! Target sentiment: how its sentence portrays every PER/ORG mention and every
//! caller-given target, by the trained portrayal classifier ([`crate::portrayal`]).

use crate::portrayal::{self, Portrayer};
use byline_core::{Document, EntityLabel, Span, TargetSentiment};

fn portray(portrayer: &mut Portrayer, span: Span, cluster: Option<usize>) -> TargetSentiment {
    let (polarity, score) = portrayer.classify(span);
    TargetSentiment {
        span,
        cluster,
        polarity,
        score,
    }
}

/// One entry per PER/ORG mention, plus one per given target not already covered.
pub fn portrayals(doc: &Document) -> Vec<TargetSentiment> {
    let mut portrayer = portrayal::shipped_for(doc).portrayer(doc);
    let mut out: Vec<TargetSentiment> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        .map(|e| portray(&mut portrayer, e.span, Some(e.cluster)))
        .collect();
    for &target in &doc.targets {
        if out.iter().any(|t| t.span == target) {
            continue;
        }
        let cluster = doc.entities.iter().find(|e| e.span == target).map(|e| e.cluster);
        out.push(portray(&mut portrayer, target, cluster));
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    out
}
