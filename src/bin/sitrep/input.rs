//! Reading articles: plain-text files with an optional `date YYYY-MM-DD` header, or JSON lines.

use std::path::Path;

use sitrep::{convert, pb};

/// One article to extract from, or why it could not be read.
#[derive(Debug)]
pub struct Input {
    /// The article id: the path for files, the `id` field for JSON lines.
    pub id: String,
    /// The request, or what was wrong with the input.
    pub request: Result<pb::ExtractRequest, String>,
}

/// Reads a plain-text article (`-` is stdin); its id is the path as given.
pub fn from_file(path: &Path, options: &pb::ExtractOptions) -> Input {
    let id = path.display().to_string();
    let read = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    };
    let request = read
        .map_err(|e| format!("cannot read {id}: {e}"))
        .map(|raw| pb::ExtractRequest {
            article: Some(convert::plain_text_article(&id, &raw)),
            options: Some(options.clone()),
        });
    Input { id, request }
}

/// Reads JSON lines `{"id", "text", "published_date"}` (plus the optional `title`, `url`,
/// `source`, `language`); blank lines are skipped, a bad line becomes an input error.
pub fn from_jsonl(data: &str, options: &pb::ExtractOptions) -> Vec<Input> {
    data.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| from_json_line(n + 1, line, options))
        .collect()
}

fn from_json_line(number: usize, line: &str, options: &pb::ExtractOptions) -> Input {
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(e) => {
            return Input {
                id: String::new(),
                request: Err(format!("line {number} is not JSON: {e}")),
            };
        }
    };
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let request = article(&value, &id)
        .map_err(|e| format!("line {number}: {e}"))
        .map(|article| pb::ExtractRequest {
            article: Some(article),
            options: Some(options.clone()),
        });
    Input { id, request }
}

fn article(value: &serde_json::Value, id: &str) -> Result<pb::Article, String> {
    let object = value.as_object().ok_or("not a JSON object")?;
    if id.is_empty() {
        return Err("\"id\" is missing or not a string or number".into());
    }
    let field = |name: &str| -> Result<String, String> {
        match object.get(name) {
            None | Some(serde_json::Value::Null) => Ok(String::new()),
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(format!("{name:?} is {other}, not a string")),
        }
    };
    if !object.contains_key("text") {
        return Err("\"text\" is missing".into());
    }
    Ok(pb::Article {
        id: id.to_string(),
        text: field("text")?,
        published_date: field("published_date")?,
        title: field("title")?,
        url: field("url")?,
        source: field("source")?,
        language: field("language")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines() {
        let data = "{\"id\":\"a\",\"text\":\"x\",\"published_date\":\"2025-03-23\"}\n\n{\"id\":7,\"text\":\"y\",\"published_date\":null}\nnot json\n{\"id\":\"b\"}\n[1]\n";
        let inputs = from_jsonl(data, &pb::ExtractOptions::default());
        let ids: Vec<&str> = inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "7", "", "b", ""]);
        let a = inputs[0]
            .request
            .as_ref()
            .unwrap()
            .article
            .as_ref()
            .unwrap();
        assert_eq!(
            (a.text.as_str(), a.published_date.as_str()),
            ("x", "2025-03-23")
        );
        assert!(inputs[1].request.is_ok());
        assert!(
            inputs[2]
                .request
                .as_ref()
                .unwrap_err()
                .starts_with("line 4 is not JSON")
        );
        assert_eq!(
            inputs[3].request.as_ref().unwrap_err(),
            "line 5: \"text\" is missing"
        );
        assert_eq!(
            inputs[4].request.as_ref().unwrap_err(),
            "line 6: not a JSON object"
        );
    }
}
