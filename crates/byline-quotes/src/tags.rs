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

pub use byline_learn::iob::allowed;

/// Decodes tags into `(start, end_exclusive, role)` token ranges.
pub fn segments(tags: &[usize]) -> Vec<(usize, usize, Role)> {
    byline_learn::iob::chunks(tags)
        .into_iter()
        .map(|(s, e, k)| (s, e, TAG_ROLES[2 * k - 1].expect("role tag")))
        .collect()
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
