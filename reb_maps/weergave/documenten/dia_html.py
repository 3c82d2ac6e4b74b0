"""One step of the presentation as an HTML slide: text as text, sized by the screen, pictures only for visuals.

Title, messages, cards and source are HTML (a browser reflows them, a screen reader reads them); maps and
charts are the step's PNGs. The slide fills the window whatever its size: type is set in `vw`/`vh` (1280×720,
1920×1080 and 3840×2160 show the same slide, larger), the visuals take the room left over. Every value is
escaped: `st.html` shows exactly what it is given. No streamlit here.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass

# The window minus the navigation row below the slide (Streamlit's buttons, in rem).
HOOGTE = "calc(100vh - 5.2rem)"

CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ padding: 0.6rem 2vw 0.3rem 2vw; max-width: 100%; }}
.reb-dia {{ height: {HOOGTE}; display: flex; flex-direction: column; gap: 0.5em; overflow: hidden;
  font-size: clamp(12px, min(1.3vw, 2.3vh), 90px); line-height: 1.3; color: #1a1a1a; }}
.reb-dia h1 {{ font-size: 2.05em; line-height: 1.15; margin: 0; padding: 0; color: #1f4e79; font-weight: 700; }}
.reb-dia-inhoud {{ flex: 1 1 0; min-height: 0; display: grid; gap: 1.4em;
  grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); }}
.reb-dia.breed .reb-dia-inhoud {{ grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) auto;
  gap: 0.6em; }}
.reb-beelden {{ display: flex; gap: 1em; min-height: 0; min-width: 0; height: 100%; }}
.reb-dia.breed .reb-beelden img:last-child {{ flex-grow: 0.5; }}
.reb-beelden img {{ flex: 1 1 0; min-width: 0; min-height: 0; width: 100%; height: 100%; object-fit: contain; }}
.reb-kaartjes {{ display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); grid-auto-rows: minmax(0, 1fr);
  gap: 0.7em; min-height: 0; height: 100%; }}
.reb-kaartje {{ background: #eef3f8; border: 1px solid #c5d5e6; border-radius: 0.5em; padding: 0.55em 0.75em;
  display: flex; flex-direction: column; min-height: 0; overflow: hidden; }}
.reb-kaartje h2 {{ font-size: 1.12em; line-height: 1.2; margin: 0 0 0.3em 0; padding: 0; color: #1f4e79;
  font-weight: 700; }}
.reb-kaartje p {{ font-size: 0.95em; line-height: 1.3; margin: 0; }}
.reb-kaartjes.weinig .reb-kaartje h2 {{ font-size: 1.35em; }}
.reb-kaartjes.weinig .reb-kaartje p {{ font-size: 1.2em; }}
.reb-kaartjes.weinig .reb-kaartje p.reb-verwijzing {{ font-size: 0.9em; }}
.reb-kaartje p.reb-verwijzing {{ margin-top: auto; padding-top: 0.3em; font-size: 0.85em; color: #555;
  font-style: italic; text-align: right; }}
.reb-bericht ul {{ margin: 0; padding-left: 1.1em; font-size: 1em; }}  /* Streamlit sets lists in rem */
.reb-bericht li {{ font-size: 1.3em; line-height: 1.3; margin: 0 0 0.7em 0; }}
.reb-dia.breed .reb-bericht ul {{ display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1.6em; }}
.reb-dia.breed .reb-bericht li {{ font-size: 1.15em; margin: 0; }}
.reb-bron {{ font-size: 0.72em; color: #555; line-height: 1.25; margin: 0; }}
</style>
"""


@dataclass(frozen=True)
class Plaatje:
    """A visual as the screen gets it: PNG bytes, alt text, and its smallest label as a share of its width."""

    png: bytes
    tekst: str
    kleinste_letter: float | None = None


def _img(p: Plaatje) -> str:
    data = base64.b64encode(p.png).decode("ascii")
    letter = "" if p.kleinste_letter is None else f' data-kleinste-letter="{p.kleinste_letter:.5f}"'
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(p.tekst)}"{letter}>'


def _kaartje(kop: str, tekst: str, verwijzing: str) -> str:
    noot = f'<p class="reb-verwijzing">{html.escape(verwijzing)}</p>' if verwijzing else ""
    return f'<section class="reb-kaartje"><h2>{html.escape(kop)}</h2><p>{html.escape(tekst)}</p>{noot}</section>'


def dia(stap, plaatjes: Sequence[Plaatje]) -> str:
    """The slide of one step (reb_maps.weergave.documenten.presentatie.Stap) with the screen pictures of its visuals."""
    if stap.kaartjes:
        kaartjes = "".join(_kaartje(f"{n}. {k.titel}" if stap.genummerd else k.titel, k.tekst, k.verwijzing)
                           for n, k in enumerate(stap.kaartjes, start=1))  # fmt: skip
        weinig = " weinig" if len(stap.kaartjes) <= 4 else ""  # four cards have room for larger type
        visueel = f'<div class="reb-kaartjes{weinig}">{kaartjes}</div>'
    else:
        visueel = f'<div class="reb-beelden">{"".join(_img(p) for p in plaatjes)}</div>'
    punten = "".join(f"<li>{html.escape(b)}</li>" for b in stap.berichten)
    return (
        f'<div class="reb-dia{" breed" if stap.breed else ""}" data-stap="{html.escape(stap.sleutel)}">'
        f"<h1>{html.escape(stap.titel)}</h1>"
        f'<div class="reb-dia-inhoud">{visueel}<div class="reb-bericht"><ul>{punten}</ul></div></div>'
        f'<p class="reb-bron">{html.escape(stap.bron)}</p></div>'
    )
