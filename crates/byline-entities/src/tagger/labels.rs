//! The tag set of the sequence tagger: IOB2 over the four CoNLL types.

use byline_core::EntityLabel;
pub use byline_learn::iob::allowed;

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
    byline_learn::iob::chunks(tags)
        .into_iter()
        .map(|(s, e, k)| (s, e, TAG_TYPES[2 * k - 1].expect("entity tag")))
        .collect()
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
