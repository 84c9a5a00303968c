//! Product images, logos and pictures, served by the sandbox itself: the docs' CDN
//! hosts are unreachable, so every `imageUrl`/`logoUrl` is `{own base}{documented
//! path}` and answers with an SVG drawn for the item (its silhouette in the maker's
//! colour, with its name).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::error::Error;
use crate::seed::{Seed, Shape};
use crate::state::SandboxState;

/// What to draw for one path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Picture {
    pub shape: Shape,
    pub caption: String,
    pub color: String,
}

/// Every image path the seed mentions, with what to draw there.
#[derive(Debug, Default)]
pub struct Gallery {
    by_path: HashMap<String, Picture>,
}

impl Gallery {
    pub fn from_seed(seed: &Seed) -> Self {
        let mut gallery = Self::default();
        let mut add = |path: &str, shape: Shape, caption: &str, color: &str| {
            gallery
                .by_path
                .entry(path.to_owned())
                .or_insert_with(|| Picture {
                    shape,
                    caption: caption.to_owned(),
                    color: color.to_owned(),
                });
        };
        let color_of = |manufacturer: &str| {
            seed.manufacturers
                .get(manufacturer)
                .map_or("#5f6b7a", |m| m.color.as_str())
        };
        for v in seed.vendors.iter() {
            add(&v.logo, Shape::Logo, &v.name, &v.color);
        }
        for m in seed.manufacturers.iter() {
            add(&m.logo, Shape::Logo, &m.name, &m.color);
        }
        for m in seed.models.iter() {
            if let Some(image) = &m.image {
                add(image, m.shape, &m.name, color_of(&m.manufacturer));
            }
        }
        for d in seed.devices.iter() {
            let shape = seed.models.get(&d.model).map_or(Shape::Phone, |m| m.shape);
            for image in std::iter::once(&d.image).chain(&d.order_image) {
                add(image, shape, &d.name, color_of(&d.manufacturer));
            }
        }
        for a in seed.accessories.iter() {
            for image in std::iter::once(&a.image).chain(&a.order_image) {
                add(image, a.shape, &a.name, color_of(&a.manufacturer));
            }
        }
        gallery
    }

    /// The picture at a request path (percent-escapes decoded: `Verizon%20Wireless.gif`).
    /// Image paths the seed does not name (the docs show the same item under several
    /// CDN paths) still get a picture, guessed from the folder and file name, so no
    /// image link the docs could lead a client to is ever broken.
    pub fn get(&self, path: &str) -> Option<Picture> {
        let decoded = percent_decode_str(path).decode_utf8().ok()?;
        if let Some(known) = self.by_path.get(decoded.as_ref()) {
            return Some(known.clone());
        }
        guess(&decoded)
    }
}

/// The fallback of the whole router: images at their documented paths, else §5's 404.
pub async fn serve_or_not_found(State(state): State<SandboxState>, request: Request) -> Response {
    let path = request.uri().path();
    let picture = (request.method() == Method::GET || request.method() == Method::HEAD)
        .then(|| state.gallery().get(path))
        .flatten();
    let picture = picture.as_ref();
    let Some(picture) = picture else {
        return Error::api(
            StatusCode::NOT_FOUND,
            "Not-Found",
            format!("No resource at {path}."),
        )
        .into_response();
    };
    let etag = etag(picture);
    let fresh = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let cache = [
        (header::CACHE_CONTROL, "public, max-age=86400".to_owned()),
        (header::ETAG, etag),
    ];
    if fresh {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    (
        cache,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("image/svg+xml"),
            ),
            // An SVG is a document: never let it run anything.
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
            ),
        ],
        draw(picture),
    )
        .into_response()
}

/// A picture for an unknown path under an `images` folder with an image extension.
fn guess(path: &str) -> Option<Picture> {
    let (folder, file) = path.rsplit_once('/')?;
    let (stem, extension) = file.rsplit_once('.')?;
    let is_image = matches!(
        extension.to_ascii_lowercase().as_str(),
        "gif" | "jpg" | "jpeg" | "png" | "svg"
    );
    if !is_image || stem.is_empty() || !folder.split('/').any(|part| part == "images") {
        return None;
    }
    let logo = ["manufacturers", "carrier", "vendors"]
        .iter()
        .any(|kind| folder.split('/').any(|part| part == *kind));
    Some(Picture {
        shape: if logo { Shape::Logo } else { Shape::Phone },
        caption: stem.replace(['_', '-'], " "),
        color: "#5f6b7a".to_owned(),
    })
}

fn etag(picture: &Picture) -> String {
    let mut hasher = DefaultHasher::new();
    picture.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&apos;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// Only `#rgb`/`#rrggbb` colours reach the SVG; anything else is grey.
fn safe_color(color: &str) -> &str {
    let hex = color.strip_prefix('#').unwrap_or("");
    if matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        color
    } else {
        "#5f6b7a"
    }
}

/// Splits a caption into at most two lines of about `width` characters.
fn caption_lines(caption: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in caption.split_whitespace() {
        let fits = lines
            .last()
            .is_some_and(|line| line.chars().count() + 1 + word.chars().count() <= width);
        if fits {
            if let Some(line) = lines.last_mut() {
                line.push(' ');
                line.push_str(word);
            }
        } else if lines.len() == 2 {
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
            break;
        } else {
            lines.push(word.to_owned());
        }
    }
    lines
}

fn silhouette(shape: Shape, c: &str) -> String {
    match shape {
        Shape::Phone => format!(
            r##"<rect x="85" y="22" width="70" height="134" rx="12" fill="{c}"/><rect x="91" y="34" width="58" height="104" rx="3" fill="#e9eef5"/><circle cx="120" cy="147" r="4" fill="#e9eef5"/>"##
        ),
        Shape::Flip => format!(
            r##"<rect x="88" y="22" width="64" height="64" rx="10" fill="{c}"/><rect x="96" y="30" width="48" height="44" rx="3" fill="#e9eef5"/><rect x="88" y="90" width="64" height="66" rx="10" fill="{c}"/><g fill="#e9eef5"><rect x="98" y="100" width="10" height="7"/><rect x="115" y="100" width="10" height="7"/><rect x="132" y="100" width="10" height="7"/><rect x="98" y="114" width="10" height="7"/><rect x="115" y="114" width="10" height="7"/><rect x="132" y="114" width="10" height="7"/><rect x="98" y="128" width="10" height="7"/><rect x="115" y="128" width="10" height="7"/><rect x="132" y="128" width="10" height="7"/></g>"##
        ),
        Shape::Tablet => format!(
            r##"<rect x="50" y="30" width="140" height="120" rx="12" fill="{c}"/><rect x="58" y="38" width="124" height="104" rx="3" fill="#e9eef5"/>"##
        ),
        Shape::Hotspot => format!(
            r##"<rect x="80" y="80" width="80" height="60" rx="14" fill="{c}"/><g fill="none" stroke="{c}" stroke-width="6" stroke-linecap="round"><path d="M100 66 a28 28 0 0 1 40 0"/><path d="M88 52 a46 46 0 0 1 64 0"/></g><circle cx="120" cy="110" r="6" fill="#e9eef5"/>"##
        ),
        Shape::Charger => format!(
            r##"<rect x="90" y="40" width="60" height="70" rx="10" fill="{c}"/><rect x="102" y="22" width="8" height="20" fill="#8a96a3"/><rect x="130" y="22" width="8" height="20" fill="#8a96a3"/><path d="M120 110 C120 150 70 130 80 160" fill="none" stroke="{c}" stroke-width="6"/>"##
        ),
        Shape::Cable => format!(
            r##"<path d="M70 50 C170 50 70 130 170 130" fill="none" stroke="{c}" stroke-width="7"/><rect x="50" y="40" width="24" height="20" rx="3" fill="{c}"/><rect x="166" y="120" width="24" height="20" rx="3" fill="{c}"/>"##
        ),
        Shape::Case => format!(
            r##"<rect x="82" y="20" width="76" height="140" rx="16" fill="none" stroke="{c}" stroke-width="10"/><rect x="96" y="32" width="18" height="18" rx="5" fill="{c}"/>"##
        ),
        Shape::Headset => format!(
            r##"<path d="M70 110 V90 a50 50 0 0 1 100 0 V110" fill="none" stroke="{c}" stroke-width="9"/><rect x="58" y="100" width="26" height="46" rx="10" fill="{c}"/><rect x="156" y="100" width="26" height="46" rx="10" fill="{c}"/>"##
        ),
        Shape::Battery => format!(
            r##"<rect x="70" y="55" width="100" height="70" rx="8" fill="{c}"/><rect x="170" y="78" width="10" height="24" rx="2" fill="{c}"/><rect x="80" y="65" width="50" height="50" rx="3" fill="#e9eef5"/>"##
        ),
        Shape::Mount => format!(
            r##"<rect x="95" y="30" width="50" height="90" rx="8" fill="none" stroke="{c}" stroke-width="8"/><rect x="112" y="120" width="16" height="30" fill="{c}"/><rect x="90" y="148" width="60" height="10" rx="4" fill="{c}"/>"##
        ),
        Shape::Screen => format!(
            r##"<rect x="85" y="22" width="70" height="134" rx="12" fill="#e9eef5" stroke="{c}" stroke-width="4"/><path d="M95 60 L140 30 M95 100 L145 65" stroke="{c}" stroke-width="3" opacity=".5"/>"##
        ),
        Shape::Sim => format!(
            r##"<path d="M85 30 H140 L160 50 V150 H85 Z" fill="{c}"/><rect x="100" y="75" width="45" height="50" rx="4" fill="#e8c872"/>"##
        ),
        Shape::Logo => format!(
            r##"<circle cx="120" cy="88" r="62" fill="{c}"/><circle cx="120" cy="88" r="48" fill="none" stroke="#ffffff" stroke-width="4" opacity=".6"/>"##
        ),
    }
}

/// A 240×240 SVG of the picture.
pub fn draw(picture: &Picture) -> String {
    let color = safe_color(&picture.color);
    let mut text = String::new();
    let lines = caption_lines(&picture.caption, 26);
    for (i, line) in lines.iter().enumerate() {
        text.push_str(&format!(
            r##"<text x="120" y="{}" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#1f2933">{}</text>"##,
            190 + i * 17,
            escape(line)
        ));
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="{label}"><title>{label}</title><rect width="240" height="240" fill="#f7f9fb"/>{shape}{text}</svg>"##,
        label = escape(&picture.caption),
        shape = silhouette(picture.shape, color),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawings_escape_their_captions() {
        let svg = draw(&Picture {
            shape: Shape::Case,
            caption: "AT&T <Case> \"Pro\"".to_owned(),
            color: "red; background:url(x)".to_owned(),
        });
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("AT&amp;T &lt;Case&gt; &quot;Pro&quot;"));
        assert!(!svg.contains("url(x)"));
    }

    #[test]
    fn unknown_image_paths_still_get_a_picture() {
        let gallery = Gallery::default();
        let logo = gallery
            .get("/manage/images/carrier/logo_VERZN.gif")
            .unwrap();
        assert_eq!(
            (logo.shape, logo.caption.as_str()),
            (Shape::Logo, "logo VERZN")
        );
        assert_eq!(
            gallery.get("/images/devices/x.jpg").unwrap().shape,
            Shape::Phone
        );
        assert!(gallery.get("/mobproc/v1/nothing.jpg").is_none());
        assert!(gallery.get("/images/readme.txt").is_none());
    }

    #[test]
    fn long_captions_wrap_onto_two_lines() {
        let lines = caption_lines(
            "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)",
            26,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }
}
