"""Ego-network pictures (Graphviz) and timelines (matplotlib): formats, content, hostile labels."""
from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from kg.errors import ConfigError, OutputError
from kg.ids import iri
from kg.viz.ego import ego_subgraph, resolve_focus, to_dot, write_ego
from kg.viz.network import to_networkx
from kg.viz.timeline import date_span, timeline_rows, write_timeline

SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed (make system-deps)")


def _png_size(path):
    import matplotlib.image as mpimg

    return mpimg.imread(path).shape


def _svg_texts(path):
    root = ET.parse(path).getroot()
    assert root.tag == SVG + "svg"
    return root, ["".join(t.itertext()) for t in root.iter(SVG + "text")]


@pytest.fixture(scope="module")
def g(batch):
    return to_networkx(batch)


# --- focus and ego network -----------------------------------------------------------------------

def test_ego_resolve_focus_by_iri_key_name_alias_and_event_label(g, batch):
    china = next(e.key for e in batch.entities if e.name == "China")
    assert resolve_focus(g, str(iri(china))) == china
    assert resolve_focus(g, china) == china
    assert resolve_focus(g, "  china ") == china
    assert resolve_focus(g, "PRC") == china
    ev = resolve_focus(g, "China · TravelRestriction · AI")
    assert g.nodes[ev]["measure"] == "TravelRestriction"


def test_ego_resolve_focus_by_what_kg_explain_prints(g, batch):
    from kg.explain import explain_batch, render_text

    text = render_text(explain_batch(batch))
    heads = [ln for ln in text.split("RELATIONS")[0].splitlines() if ln.startswith("* ")]
    assert len(heads) == len(batch.events)
    soviet = next(e.key for e in batch.events if e.label)  # the one with a label of its own
    assert resolve_focus(g, "Soviet limits on travel by nuclear physicists") == soviet
    for line in heads:  # each head line, as printed (with its confidence), names one event
        key = resolve_focus(g, line)
        assert g.nodes[key]["kind"] == "event"
    travel = next(e.key for e in batch.events if e.measure == "TravelRestriction" and not e.label)
    assert resolve_focus(g, "China TravelRestriction") == travel
    assert resolve_focus(g, "* China TravelRestriction  [confidence 1.0]") == travel


def test_ego_resolve_focus_ambiguous_lists_candidates_with_keys(g, batch):
    with pytest.raises(ConfigError) as err:
        resolve_focus(g, "ExportControl")
    message = str(err.value)
    assert "ambiguous" in message and "\n" not in message
    for e in batch.events:
        if e.measure == "ExportControl":
            assert e.key in message


@pytest.mark.parametrize("focus,message", [("Atlantis", "no event or entity"), ("United", "ambiguous"),
                                           ("", "empty")])
def test_ego_resolve_focus_errors(g, focus, message):
    with pytest.raises(ConfigError, match=message):
        resolve_focus(g, focus)


def test_ego_subgraph_depth_one_is_the_neighbourhood(g):
    ev = resolve_focus(g, "China · ExportControl · Critical minerals")
    sub = ego_subgraph(g, ev, depth=1)
    labels = {d["label"] for _, d in sub.nodes(data=True)}
    assert labels == {"China · ExportControl · Critical minerals", "China", "gallium",
                      "<img src=x onerror=alert(1)>", "United States · ExportControl · Semiconductors/AI"}
    assert len(ego_subgraph(g, ev, depth=2)) > len(sub)
    assert set(ego_subgraph(g, ev, depth=0)) == {ev}


def test_ego_subgraph_does_not_walk_through_hubs(g):
    ev = resolve_focus(g, "China · ExportControl · Critical minerals")
    china = resolve_focus(g, "China")
    full = ego_subgraph(g, ev, depth=2, hub_degree=100)
    cut = ego_subgraph(g, ev, depth=2, hub_degree=5)
    assert china in cut and g.degree(china) > 5
    # DeepSeek is reached only through China
    assert resolve_focus(g, "DeepSeek") in full and resolve_focus(g, "DeepSeek") not in cut
    assert len(ego_subgraph(g, china, depth=1, hub_degree=5)) == 1 + len(set(g.successors(china)) | set(g.predecessors(china)))


def test_ego_subgraph_is_capped(g):
    china = resolve_focus(g, "China")
    assert len(ego_subgraph(g, china, depth=3, max_nodes=5)) == 5


def test_ego_dot_source_quotes_hostile_labels(g, hostile_names):
    src = to_dot(g).source
    # the HTML-looking name is a quoted string, never an HTML-like <...> label
    assert '"<img src=x onerror=alert(1)>"' in src
    assert "label=<" not in src
    # the quote is escaped; the newline is folded and the name re-wrapped with DOT's own line break
    assert 'label="Dr \\"Quote\\" O\'Neil second\\nline </script><!-- & more"' in src


@needs_dot
def test_ego_svg_shows_hostile_names_as_text(batch, hostile_names, tmp_path):
    out = write_ego(batch, "<img src=x onerror=alert(1)>", tmp_path / "ego.svg", depth=2)
    root, texts = _svg_texts(out)
    assert not list(root.iter(SVG + "image")) and not list(root.iter("img"))
    assert "<img src=x onerror=alert(1)>" in texts and "China" in texts
    out = write_ego(batch, "DeepSeek", tmp_path / "ego2.svg", depth=1)
    root, texts = _svg_texts(out)
    assert "Dr \"Quote\" O'Neil second" in texts and "line </script><!-- & more" in texts
    assert not list(root.iter(SVG + "script"))


@needs_dot
@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG\r\n\x1a\n"), (".pdf", b"%PDF-"), (".svg", b"<?xml")])
def test_ego_formats_by_suffix(batch, tmp_path, suffix, magic):
    out = write_ego(batch, "China", tmp_path / ("ego" + suffix), depth=2)
    data = out.read_bytes()
    assert data.startswith(magic)
    if suffix == ".png":
        h, w, _ = _png_size(out)
        assert len(data) > 20_000 and w > 600 and h > 300


def test_ego_dot_suffix_writes_the_source(batch, tmp_path):
    out = write_ego(batch, "ASML", tmp_path / "ego.gv", depth=1)
    assert out.read_text(encoding="utf-8").startswith("digraph ego {")


@pytest.mark.parametrize("name", ["ego.jpg", "ego", "ego.html"])
def test_ego_unknown_suffix_is_an_output_error(batch, tmp_path, name):
    with pytest.raises(OutputError, match="unknown picture format"):
        write_ego(batch, "China", tmp_path / name)


# --- timeline ------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2023", ("2023-01-01", "2023-12-31")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2022-10-07", ("2022-10-07", "2022-10-07")), (None, None), ("soon", None), ("2023-13", None),
])
def test_timeline_date_span(value, expected):
    span = date_span(value)
    assert (tuple(d.isoformat() for d in span) if span else None) == expected


def test_timeline_rows_by_country_and_sector(batch):
    placed, undated = timeline_rows(batch, "country")
    rows = {r for r, *_ in placed}
    assert rows == {"China", "United States", "Netherlands", "European Union", "Soviet Union"}
    assert undated == ["United States · VisaRestriction · Research"]
    assert len([p for p in placed if p[0] == "China"]) == 2
    placed, _ = timeline_rows(batch, "sector")
    assert {r for r, *_ in placed} == {"AI", "Semiconductors", "Critical minerals", "Nuclear"}
    assert len([p for p in placed if p[0] == "Semiconductors"]) == 3


def test_timeline_rejects_unknown_grouping(batch, tmp_path):
    with pytest.raises(ConfigError, match="--by"):
        write_timeline(batch, tmp_path / "t.png", by="colour")


@pytest.mark.parametrize("suffix,magic,by", [(".png", b"\x89PNG\r\n\x1a\n", "country"), (".pdf", b"%PDF-", "country"),
                                             (".svg", b"<?xml", "country"), (".png", b"\x89PNG\r\n\x1a\n", "sector")])
def test_timeline_formats_by_suffix(batch, tmp_path, suffix, magic, by):
    out = write_timeline(batch, tmp_path / ("t" + suffix), by=by)
    data = out.read_bytes()
    assert data.startswith(magic)
    if suffix == ".png":
        h, w, _ = _png_size(out)
        assert len(data) > 20_000 and w >= 1000 and h >= 300
    if suffix == ".svg":
        root = ET.fromstring(data)
        assert root.tag == SVG + "svg" and not list(root.iter(SVG + "text"))  # text drawn as paths


def test_timeline_dollar_signs_are_not_mathtext(batch, tmp_path):
    odd = batch.model_copy(update={"dispatches": ()})
    out = write_timeline(odd, tmp_path / "t.png", title="$\\frac{1}{0 costs $5 and \\undefined$")
    assert out.read_bytes().startswith(b"\x89PNG")


def test_timeline_keeps_the_busiest_rows(batch, tmp_path, big_batch):
    import matplotlib.image as mpimg

    small = write_timeline(big_batch, tmp_path / "few.png", max_rows=3)
    tall = write_timeline(big_batch, tmp_path / "many.png", max_rows=30)
    assert mpimg.imread(tall).shape[0] > mpimg.imread(small).shape[0] * 2
    with pytest.raises(ConfigError, match="--max-rows"):
        write_timeline(batch, tmp_path / "t.png", max_rows=0)


def test_timeline_unknown_suffix_is_an_output_error(batch, tmp_path):
    with pytest.raises(OutputError, match="unknown picture format"):
        write_timeline(batch, tmp_path / "t.gif")


def test_timeline_without_dated_events_still_draws(tmp_path):
    from kg.models import GraphBatch

    out = write_timeline(GraphBatch(), tmp_path / "t.png")
    assert out.read_bytes().startswith(b"\x89PNG")


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@needs_dot
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=60))
def test_ego_any_name_renders_as_valid_svg(tmp_path, name):
    """Whatever a name holds (quotes, backslashes, <...>, braces, control characters), dot accepts it."""
    from kg.models import Entity, Event, GraphBatch

    b = GraphBatch(entities=(Entity(key="company/x", type="Company", name=name),),
                   events=(Event(key="event/e", measure="Ban", actors=("company/x",)),))
    out = write_ego(b, "event/e", tmp_path / "fuzz.svg", depth=1)
    root, texts = _svg_texts(out)
    assert not list(root.iter(SVG + "script")) and not list(root.iter(SVG + "image"))
