//! The Python objects of an output record: one immutable class per object of the JSON
//! output (`Entity`, `Quote` …, fields named and ordered as in the schema, which a test
//! checks), and [`NativeRecord`], which holds one record and builds a layer's objects
//! when Python first asks for it.
//!
//! The classes behave like frozen dataclasses: keyword or positional construction, field
//! access, `==` and `hash` by value, a readable `repr`, pickling.

use byline::OutputRecord;
use byline::output::{
    ClusterOut, DateOut, EntityOut, MentionOut, QuoteOut, SpeakerOut, StanceOut, TargetSentimentOut, TextSpan, TokenOut,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString, PyTuple};

/// A default value of a field, made when a constructor call leaves it out.
type MakeDefault = fn(Python<'_>) -> Py<PyAny>;

/// A field's Python name (`type`, not `r#type`).
fn field_name(raw: &str) -> &str {
    raw.strip_prefix("r#").unwrap_or(raw)
}

/// Picks the constructor arguments of a class with `fields` (positional, then keyword;
/// `defaults` for those left out), as a dataclass's `__init__` does.
fn arguments<'py>(
    class: &str,
    fields: &[&str],
    defaults: &[(&str, MakeDefault)],
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Vec<Py<PyAny>>> {
    let py = args.py();
    if args.len() > fields.len() {
        return Err(PyTypeError::new_err(format!(
            "{class}() takes {} positional arguments but {} were given",
            fields.len(),
            args.len()
        )));
    }
    let mut values: Vec<Option<Py<PyAny>>> = args.iter().map(|a| Some(a.unbind())).collect();
    values.resize_with(fields.len(), || None);
    if let Some(kwargs) = kwargs {
        for (key, value) in kwargs.iter() {
            let key: String = key.extract()?;
            let Some(i) = fields.iter().position(|f| field_name(f) == key) else {
                return Err(PyTypeError::new_err(format!(
                    "{class}() got an unexpected keyword argument '{key}'"
                )));
            };
            if values[i].is_some() {
                return Err(PyTypeError::new_err(format!(
                    "{class}() got multiple values for argument '{key}'"
                )));
            }
            values[i] = Some(value.unbind());
        }
    }
    fields
        .iter()
        .zip(values)
        .map(|(field, value)| match value {
            Some(v) => Ok(v),
            None => match defaults.iter().find(|(name, _)| name == field) {
                Some((_, make)) => Ok(make(py)),
                None => Err(PyTypeError::new_err(format!(
                    "{class}() missing required argument: '{}'",
                    field_name(field)
                ))),
            },
        })
        .collect()
}

/// `repr` of an object as `Class(field=value, ...)`.
fn repr_of(class: &str, fields: &[&str], values: &Bound<'_, PyTuple>) -> PyResult<String> {
    let mut parts = Vec::with_capacity(fields.len());
    for (field, value) in fields.iter().zip(values.iter()) {
        parts.push(format!("{}={}", field_name(field), value.repr()?));
    }
    Ok(format!("{class}({})", parts.join(", ")))
}

/// Declares one output object class: its fields in schema order (each a read-only
/// attribute holding a Python value) and the defaults of those that have one.
macro_rules! output_class {
    (
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident),+ $(,)? }
        defaults { $($dfield:ident = $dval:expr),* $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[pyclass(module = "byline._byline", frozen)]
        pub(crate) struct $name {
            $($field: Py<PyAny>,)+
        }

        impl $name {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];
            const DEFAULTS: &'static [(&'static str, MakeDefault)] = &[$((stringify!($dfield), $dval)),*];

            /// The field values, in order.
            fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
                PyTuple::new(py, [$(self.$field.bind(py)),+])
            }
        }

        #[pymethods]
        impl $name {
            /// The field names, in constructor order (as a dataclass has them).
            #[classattr]
            fn __match_args__(py: Python<'_>) -> PyResult<Py<PyTuple>> {
                Ok(PyTuple::new(py, Self::FIELDS.iter().map(|f| field_name(f)))?.unbind())
            }

            #[new]
            #[pyo3(signature = (*args, **kwargs))]
            fn py_new(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
                let mut values = arguments(stringify!($name), Self::FIELDS, Self::DEFAULTS, args, kwargs)?.into_iter();
                Ok($name { $($field: values.next().expect("one value per field"),)+ })
            }

            $(
                #[getter]
                fn $field(&self, py: Python<'_>) -> Py<PyAny> {
                    self.$field.clone_ref(py)
                }
            )+

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                repr_of(stringify!($name), Self::FIELDS, &self.values(py)?)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                let py = other.py();
                match other.cast::<$name>() {
                    Ok(other) => {
                        let same = self.values(py)?.eq(other.get().values(py)?)?;
                        Ok(same.into_pyobject(py)?.to_owned().into_any().unbind())
                    }
                    Err(_) => Ok(py.NotImplemented()),
                }
            }

            fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
                self.values(py)?.hash()
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
                Ok((slf.get_type().into_any(), slf.get().values(slf.py())?))
            }
        }
    };
}

fn none(py: Python<'_>) -> Py<PyAny> {
    py.None()
}

fn empty(py: Python<'_>) -> Py<PyAny> {
    PyString::new(py, "").into_any().unbind()
}

fn unknown_kind(py: Python<'_>) -> Py<PyAny> {
    PyString::new(py, "none").into_any().unbind()
}

fn certain(py: Python<'_>) -> Py<PyAny> {
    PyFloat::new(py, 1.0).into_any().unbind()
}

/// A quote built without an act is a statement (as records before the field read).
fn statement(py: Python<'_>) -> Py<PyAny> {
    PyString::new(py, "statement").into_any().unbind()
}

fn narration(py: Python<'_>) -> Py<PyAny> {
    PyString::new(py, "narration").into_any().unbind()
}

/// A stance target built without a kind is an entity (as records before the field read).
fn entity_kind(py: Python<'_>) -> Py<PyAny> {
    PyString::new(py, "entity").into_any().unbind()
}

output_class! {
    /// A name mention: PER, ORG, LOC or MISC, and the index of its cluster.
    Entity { start, end, text, label, cluster }
    defaults {}
}

output_class! {
    /// Words that refer to a cluster: a name, a pronoun or a description ("the spokesman").
    Mention { start, end, text, cluster, kind }
    defaults {}
}

output_class! {
    /// All mentions of one referent: canonical name, label, mention indices, roles.
    Cluster { id, name, label, mentions, roles }
    defaults {}
}

output_class! {
    /// Who said a quote: the mention in the text, the cluster it resolves to and what
    /// kind of source it is (person, organization, document, anonymous, pronoun, none).
    Speaker { start, end, text, cluster, name, kind }
    defaults { kind = unknown_kind }
}

output_class! {
    /// The reporting word of a quote ("said", "according to").
    Cue { start, end, text }
    defaults {}
}

output_class! {
    /// A direct, indirect or mixed quote with its content fragments, speaker and cue.
    ///
    /// `text` is `doc.text[start:end]`, so a quote split by its attribution contains the
    /// attribution too; `content` is the quote's own words (its `spans` joined by a space).
    ///
    /// `act` is "statement" (said or written) or "thought" (a belief, intention or
    /// perception; only with `Pipeline(attributions="all")`).
    Quote { start, end, text, kind, spans, speaker, cue, date, content, score, act }
    defaults { date = none, content = empty, score = certain, act = statement }
}

output_class! {
    /// A temporal expression with its TIMEX3 type and value.
    DateExpr { start, end, text, r#type, value }
    defaults {}
}

output_class! {
    /// Who holds a stance.
    StanceHolder { cluster, name }
    defaults {}
}

output_class! {
    /// What a stance is about.
    StanceTarget { start, end, text, cluster, kind }
    defaults { kind = entity_kind }
}

output_class! {
    /// The words that express a stance.
    Evidence { start, end, text }
    defaults {}
}

output_class! {
    /// holder -> target -> polarity, with evidence and the quote it comes from.
    Stance { holder, target, polarity, score, evidence, quote, channel }
    defaults { channel = narration }
}

output_class! {
    /// How a sentence portrays one mention (positive / neutral / negative).
    TargetSentiment { start, end, text, cluster, polarity, score }
    defaults {}
}

output_class! {
    /// A syntactic word: its tags, lemma, head (an index into `doc.tokens`, None for a
    /// root) and relation. `byline.Document.tokens` wraps these as `byline.Token`.
    TokenData { start, end, text, lemma, upos, xpos, head, dep }
    defaults {}
}

/// Python values of Rust ones, for building objects.
struct Values<'py>(Python<'py>);

impl<'py> Values<'py> {
    fn int(&self, n: usize) -> Py<PyAny> {
        n.into_pyobject(self.0).expect("ints convert").into_any().unbind()
    }
    fn opt_int(&self, n: Option<usize>) -> Py<PyAny> {
        n.map_or_else(|| self.0.None(), |n| self.int(n))
    }
    fn float(&self, x: f64) -> Py<PyAny> {
        x.into_pyobject(self.0).expect("floats convert").into_any().unbind()
    }
    fn str(&self, s: &str) -> Py<PyAny> {
        PyString::new(self.0, s).into_any().unbind()
    }
    fn ints(&self, ns: &[usize]) -> PyResult<Py<PyAny>> {
        Ok(PyTuple::new(self.0, ns)?.into_any().unbind())
    }
    fn strs(&self, ss: &[String]) -> PyResult<Py<PyAny>> {
        Ok(PyTuple::new(self.0, ss)?.into_any().unbind())
    }
    fn pairs(&self, pairs: &[[usize; 2]]) -> PyResult<Py<PyAny>> {
        let items = pairs
            .iter()
            .map(|[s, e]| PyTuple::new(self.0, [*s, *e]))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(self.0, items)?.into_any().unbind())
    }
    fn object<T>(&self, value: T) -> PyResult<Py<PyAny>>
    where
        T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
    {
        Ok(Py::new(self.0, value)?.into_any())
    }
    fn list(&self, items: Vec<Py<PyAny>>) -> PyResult<Py<PyList>> {
        Ok(PyList::new(self.0, items)?.unbind())
    }
}

fn entity(v: &Values<'_>, e: &EntityOut) -> PyResult<Py<PyAny>> {
    v.object(Entity {
        start: v.int(e.start),
        end: v.int(e.end),
        text: v.str(&e.text),
        label: v.str(e.label.as_str()),
        cluster: v.int(e.cluster),
    })
}

fn mention(v: &Values<'_>, m: &MentionOut) -> PyResult<Py<PyAny>> {
    v.object(Mention {
        start: v.int(m.start),
        end: v.int(m.end),
        text: v.str(&m.text),
        cluster: v.int(m.cluster),
        kind: v.str(m.kind.as_str()),
    })
}

fn cluster(v: &Values<'_>, c: &ClusterOut) -> PyResult<Py<PyAny>> {
    v.object(Cluster {
        id: v.int(c.id),
        name: v.str(&c.name),
        label: v.str(c.label.as_str()),
        mentions: v.ints(&c.mentions)?,
        roles: v.strs(&c.roles)?,
    })
}

fn speaker(v: &Values<'_>, s: &SpeakerOut) -> PyResult<Py<PyAny>> {
    v.object(Speaker {
        start: v.int(s.start),
        end: v.int(s.end),
        text: v.str(&s.text),
        cluster: v.opt_int(s.cluster),
        name: v.str(&s.name),
        kind: v.str(s.kind.as_str()),
    })
}

fn cue(v: &Values<'_>, c: &TextSpan) -> PyResult<Py<PyAny>> {
    v.object(Cue {
        start: v.int(c.start),
        end: v.int(c.end),
        text: v.str(&c.text),
    })
}

fn quote(v: &Values<'_>, q: &QuoteOut) -> PyResult<Py<PyAny>> {
    v.object(Quote {
        start: v.int(q.start),
        end: v.int(q.end),
        text: v.str(&q.text),
        kind: v.str(q.kind.as_str()),
        spans: v.pairs(&q.spans)?,
        speaker: q.speaker.as_ref().map_or_else(|| Ok(v.0.None()), |s| speaker(v, s))?,
        cue: q.cue.as_ref().map_or_else(|| Ok(v.0.None()), |c| cue(v, c))?,
        date: v.opt_int(q.date),
        content: v.str(&q.content),
        score: v.float(q.score),
        act: v.str(q.act.as_str()),
    })
}

fn date(v: &Values<'_>, d: &DateOut) -> PyResult<Py<PyAny>> {
    v.object(DateExpr {
        start: v.int(d.start),
        end: v.int(d.end),
        text: v.str(&d.text),
        r#type: v.str(d.kind.as_str()),
        value: v.str(&d.value),
    })
}

fn stance(v: &Values<'_>, s: &StanceOut) -> PyResult<Py<PyAny>> {
    v.object(Stance {
        holder: v.object(StanceHolder {
            cluster: v.opt_int(s.holder.cluster),
            name: v.str(&s.holder.name),
        })?,
        target: v.object(StanceTarget {
            start: v.int(s.target.start),
            end: v.int(s.target.end),
            text: v.str(&s.target.text),
            cluster: v.opt_int(s.target.cluster),
            kind: v.str(s.target.kind.as_str()),
        })?,
        polarity: v.str(s.polarity.as_str()),
        score: v.float(s.score),
        evidence: v.object(Evidence {
            start: v.int(s.evidence.start),
            end: v.int(s.evidence.end),
            text: v.str(&s.evidence.text),
        })?,
        quote: v.opt_int(s.quote),
        channel: v.str(s.channel.as_str()),
    })
}

fn target_sentiment(v: &Values<'_>, t: &TargetSentimentOut) -> PyResult<Py<PyAny>> {
    v.object(TargetSentiment {
        start: v.int(t.start),
        end: v.int(t.end),
        text: v.str(&t.text),
        cluster: v.opt_int(t.cluster),
        polarity: v.str(t.polarity.as_str()),
        score: v.float(t.score),
    })
}

fn token(v: &Values<'_>, t: &TokenOut) -> PyResult<Py<PyAny>> {
    v.object(TokenData {
        start: v.int(t.start),
        end: v.int(t.end),
        text: v.str(&t.text),
        lemma: v.str(&t.lemma),
        upos: v.str(&t.upos),
        xpos: v.str(&t.xpos),
        head: v.opt_int(t.head),
        dep: v.str(&t.dep),
    })
}

/// The objects of one layer.
fn layer<T>(py: Python<'_>, items: &[T], make: fn(&Values<'_>, &T) -> PyResult<Py<PyAny>>) -> PyResult<Py<PyList>> {
    let v = Values(py);
    let objects = items.iter().map(|item| make(&v, item)).collect::<PyResult<Vec<_>>>()?;
    v.list(objects)
}

/// One output record held on the Rust side; each layer's Python objects are built when
/// asked for (`byline.Document` asks once and keeps them).
#[pyclass(module = "byline._byline", frozen)]
pub(crate) struct NativeRecord {
    pub(crate) record: OutputRecord,
}

#[pymethods]
impl NativeRecord {
    /// A record from its JSON text (an output line of `byline extract`); raises
    /// `ValueError` for JSON that is not an output record.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        serde_json::from_str(json)
            .map(|record| NativeRecord { record })
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not a byline output record: {e}")))
    }

    /// The record as one line of JSON.
    fn to_json(&self) -> String {
        self.record.to_json()
    }

    /// The article id.
    #[getter]
    fn id(&self) -> &str {
        &self.record.id
    }

    /// The error message, or None.
    #[getter]
    fn error(&self) -> Option<&str> {
        self.record.error.as_deref()
    }

    /// The publication date the analysis used, or None.
    #[getter]
    fn published(&self) -> Option<&str> {
        self.record.published.as_deref()
    }

    /// What was ignored in the input.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.record.warnings.clone()
    }

    /// The text analysed when byline made it from the input's (HTML), else None.
    #[getter]
    fn text(&self) -> Option<String> {
        self.record.text.clone()
    }

    /// The `Entity` objects.
    fn entities(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.entities, entity)
    }

    /// The `Cluster` objects.
    fn clusters(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.clusters, cluster)
    }

    /// The `Mention` objects: names, pronouns and descriptions linked to clusters.
    fn mentions(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.mentions, mention)
    }

    /// The `Quote` objects.
    fn quotes(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.quotes, quote)
    }

    /// The `DateExpr` objects.
    fn dates(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.dates, date)
    }

    /// The `Stance` objects.
    fn stances(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.stances, stance)
    }

    /// The `TargetSentiment` objects.
    fn target_sentiment(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        layer(py, &self.record.target_sentiment, target_sentiment)
    }

    /// The `TokenData` objects, or None when the record has no tokens layer.
    fn tokens(&self, py: Python<'_>) -> PyResult<Option<Py<PyList>>> {
        self.record.tokens.as_ref().map(|t| layer(py, t, token)).transpose()
    }

    /// Each sentence's `(start, end)` range of token indices, or None without tokens.
    fn sentences(&self) -> Option<Vec<(usize, usize)>> {
        self.record
            .sentences
            .as_ref()
            .map(|s| s.iter().map(|[a, b]| (*a, *b)).collect())
    }

    /// The plug-in layers as the JSON text of an object (parsed by the caller).
    fn extra_json(&self) -> String {
        serde_json::to_string(&self.record.extra).expect("JSON values serialise")
    }

    /// The HTML view of the record with its article `text`.
    fn html(&self, text: &str) -> String {
        byline_html::render(text, &self.record)
    }
}

/// Adds the object classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Entity>()?;
    m.add_class::<Cluster>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Speaker>()?;
    m.add_class::<Cue>()?;
    m.add_class::<Quote>()?;
    m.add_class::<DateExpr>()?;
    m.add_class::<StanceHolder>()?;
    m.add_class::<StanceTarget>()?;
    m.add_class::<Evidence>()?;
    m.add_class::<Stance>()?;
    m.add_class::<TargetSentiment>()?;
    m.add_class::<TokenData>()?;
    m.add_class::<NativeRecord>()?;
    Ok(())
}
