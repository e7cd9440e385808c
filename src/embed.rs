//! The two ways the embed panel offers to put the current view on another page: the custom
//! element, and an iframe with the few lines that let it set its own height. The frame is sized
//! by its attributes, never a `style` attribute, which a host under a strict policy refuses.

/// Text and attribute values with the five characters HTML reserves escaped.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// The element's tag and the iframe's snippet for the state in `pairs` (as the URL has them;
/// `query` is the same as a query string), with the files at `base`.
pub fn snippets(base: &str, pairs: &[(&str, &str)], query: &str, title: &str) -> (String, String) {
    let attributes: String = pairs
        .iter()
        .map(|(key, value)| format!(" {}=\"{}\"", if *key == "data" { "src" } else { key }, escaped(value)))
        .collect();
    let tag = format!("<script type=\"module\" src=\"{base}technopolis-chart.js\"></script>\n<technopolis-chart{attributes}></technopolis-chart>");
    let frame = format!(
        "<iframe src=\"{base}embed.html?{}\" title=\"{}\" width=\"100%\" height=\"600\" frameborder=\"0\" loading=\"lazy\"></iframe>\n\
         <script>\n\
         addEventListener('message', (event) => {{\n  \
           if (event.data?.type !== 'technopolis-explorer:height') return;\n  \
           for (const frame of document.querySelectorAll('iframe'))\n    \
             if (frame.contentWindow === event.source) frame.height = event.data.height;\n\
         }});\n\
         </script>",
        escaped(query),
        escaped(title)
    );
    (tag, frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_carry_the_state_with_markup_escaped() {
        let (tag, frame) = snippets("https://host/", &[("view", "plan"), ("data", "/a\"b.json")], "view=plan&data=%2Fa", "Jobs <now>");
        assert!(tag.contains(r#"<technopolis-chart view="plan" src="/a&quot;b.json"></technopolis-chart>"#), "{tag}");
        assert!(frame.contains(r#"src="https://host/embed.html?view=plan&amp;data=%2Fa" title="Jobs &lt;now&gt;""#), "{frame}");
        assert!(!frame.contains("style"), "a strict policy refuses a style attribute: {frame}");
    }
}
