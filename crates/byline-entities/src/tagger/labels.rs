//! The tag set of the sequence tagger: IOB2 over the four CoNLL types.

use byline_core::EntityLabel;

/// Number of tags: O plus B-/I- for PER, ORG, LOC, MISC.
pub const N_TAGS: usize = 9;

/// The entity type of each tag (`None` for O).
pub const TAG_TYPES: [Option<EntityLabel>; N_TAGS] = [
    None,
    Some(EntityLabel::Per),
    Some(EntityLabel::Per),
    Some(EntityLabel::Org),
    Some(EntityLabel::Org),
    Some(EntityLabel::Loc),
    Some(EntityLabel::Loc),
    Some(EntityLabel::Misc),
    Some(EntityLabel::Misc),
];

/// The tag's IOB2 spelling.
pub const TAG_NAMES: [&str; N_TAGS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// True for the I- tags.
pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// Whether `next` may follow `prev` in IOB2 (I-X only after B-X or I-X).
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        Some(p) => p != 0 && TAG_TYPES[p] == TAG_TYPES[next],
        None => false,
    }
}

/// Converts a sequence of IOB1 or IOB2 tags ("I-PER", "B-LOC", "O") into IOB2 tag ids.
pub fn from_iob(tags: &[&str]) -> Result<Vec<usize>, String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type: Option<&str> = None;
    for tag in tags {
        if *tag == "O" {
            out.push(0);
            prev_type = None;
            continue;
        }
        let (prefix, kind) = tag.split_once('-').ok_or_else(|| format!("bad tag {tag:?}"))?;
        let base = match kind {
            "PER" => 1,
            "ORG" => 3,
            "LOC" => 5,
            "MISC" => 7,
            _ => return Err(format!("unknown entity type in {tag:?}")),
        };
        let begins = prefix == "B" || prev_type != Some(kind);
        out.push(if begins { base } else { base + 1 });
        prev_type = Some(kind);
    }
    Ok(out)
}

/// Decodes IOB2 tag ids into `(start, end_exclusive, label)` token ranges.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = is_inside(t) && start.is_some_and(|s| TAG_TYPES[tags[s]] == TAG_TYPES[t]);
        if !continues {
            if let Some(s) = start.take() {
                out.push((s, i, TAG_TYPES[tags[s]].expect("entity tag")));
            }
            if t != 0 {
                start = Some(i);
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len(), TAG_TYPES[tags[s]].expect("entity tag")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_iob2_and_decodes() {
        let tags = from_iob(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]).unwrap();
        assert_eq!(tags, vec![1, 2, 0, 5, 5, 7]);
        assert_eq!(
            spans(&tags),
            vec![
                (0, 2, EntityLabel::Per),
                (3, 4, EntityLabel::Loc),
                (4, 5, EntityLabel::Loc),
                (5, 6, EntityLabel::Misc)
            ]
        );
        assert!(!allowed(Some(0), 2) && allowed(Some(1), 2) && !allowed(Some(3), 2));
    }
}
