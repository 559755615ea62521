//! The tag set of the attribution labeller: every token of a paragraph is outside any
//! attribution (O) or begins / continues a cue, a source or a content span (IOB2).

/// Number of tags: O plus B-/I- for cue, source and content.
pub const N_TAGS: usize = 7;

/// The role of a token in an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The reporting word(s): "said", "according to", ":".
    Cue,
    /// Who: "Trump", "he", "a campaign spokesman".
    Source,
    /// What was said, thought or reported.
    Content,
}

/// The role of each tag (`None` for O).
pub const TAG_ROLES: [Option<Role>; N_TAGS] = [
    None,
    Some(Role::Cue),
    Some(Role::Cue),
    Some(Role::Source),
    Some(Role::Source),
    Some(Role::Content),
    Some(Role::Content),
];

/// The B- tag of a role.
pub fn begin(role: Role) -> usize {
    match role {
        Role::Cue => 1,
        Role::Source => 3,
        Role::Content => 5,
    }
}

/// True for the I- tags.
pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// Whether `next` may follow `prev` (I-X only after B-X or I-X).
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    prev.is_some_and(|p| p != 0 && TAG_ROLES[p] == TAG_ROLES[next])
}

/// Decodes tags into `(start, end_exclusive, role)` token ranges.
pub fn segments(tags: &[usize]) -> Vec<(usize, usize, Role)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = is_inside(t) && start.is_some_and(|s| TAG_ROLES[tags[s]] == TAG_ROLES[t]);
        if !continues {
            if let Some(s) = start.take() {
                out.push((s, i, TAG_ROLES[tags[s]].expect("role tag")));
            }
            if t != 0 {
                start = Some(i);
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len(), TAG_ROLES[tags[s]].expect("role tag")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_constraint() {
        // "Trump said that it works": B-SRC B-CUE O B-CON I-CON
        let tags = [3, 1, 0, 5, 6];
        assert_eq!(
            segments(&tags),
            vec![(0, 1, Role::Source), (1, 2, Role::Cue), (3, 5, Role::Content)]
        );
        assert!(allowed(Some(5), 6) && !allowed(Some(3), 6) && !allowed(None, 2) && allowed(None, 5));
    }
}
