//! Target sentiment: how its sentence portrays every PER/ORG mention and every
//! caller-given target, by the trained portrayal classifier ([`crate::portrayal`]).

use crate::portrayal::{self, PortrayalModel, Scratch};
use byline_core::{Document, EntityLabel, Span, TargetSentiment};

fn portray(
    doc: &Document,
    model: &PortrayalModel,
    span: Span,
    cluster: Option<usize>,
    scratch: &mut Scratch,
) -> TargetSentiment {
    let (polarity, score) = model.classify(doc, span, scratch);
    TargetSentiment {
        span,
        cluster,
        polarity,
        score,
    }
}

/// One entry per PER/ORG mention, plus one per given target not already covered.
pub fn portrayals(doc: &Document) -> Vec<TargetSentiment> {
    let model = portrayal::shipped();
    let mut scratch = Scratch::default();
    let mut out: Vec<TargetSentiment> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        .map(|e| portray(doc, model, e.span, Some(e.cluster), &mut scratch))
        .collect();
    for &target in &doc.targets {
        if out.iter().any(|t| t.span == target) {
            continue;
        }
        let cluster = doc.entities.iter().find(|e| e.span == target).map(|e| e.cluster);
        out.push(portray(doc, model, target, cluster, &mut scratch));
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    out
}
