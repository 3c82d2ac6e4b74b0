"""Toegankelijkheid: the accessibility statement (standard, how checked, known shortcomings, where to report)."""

import pandas as pd
import streamlit as st

from reb_maps import labels
from reb_maps import toegankelijkheid as tg

st.title(labels.PAGINA_TOEGANKELIJKHEID)
st.write(
    f"Dit is de toegankelijkheidsverklaring van het dashboard {labels.APP_TITEL}. Overheden in Nederland moeten hun "
    f"websites en apps laten voldoen aan {tg.NORM} (de Europese norm {tg.NORM_EUROPEES}) en zeggen waar dat nog "
    "niet lukt."
)

st.header("Status")
st.write(f"Dit dashboard **{tg.STATUS}** aan {tg.NORM}. Wat nog niet voldoet, staat hieronder.")

st.header("Hoe is dit onderzocht")
st.write(
    f"Bij elke wijziging controleert de testreeks van het project elke pagina en de kaarten op de pagina's "
    f"{labels.PAGINA_KAART} en {labels.PAGINA_ZOEKGEBIEDEN} automatisch met axe-core {tg.AXE_VERSIE} (regels "
    f"voor WCAG 2.0 en 2.1, niveau A en AA), in de browser Chromium op een scherm van {tg.SCHERMEN}. De test "
    f"slaagt alleen als er geen ernstige of kritieke bevindingen zijn. Laatst gecontroleerd op "
    f"{tg.onderzocht_op()}."
)
st.write(
    "Daarnaast is met de hand gekeken naar contrast, naar informatie die niet alleen met kleur wordt gegeven "
    "(het stoplicht heeft altijd een woord) en naar de bediening van de presentatie met de pijltjestoetsen. "
    "Een volledig onderzoek door een onafhankelijke deskundige of met gebruikers van hulpsoftware is nog niet "
    "gedaan."
)

st.header("Wat nog niet voldoet")
st.table(
    pd.DataFrame(
        [(a.onderdeel, a.criterium, a.wat, a.alternatief) for a in tg.BEKENDE_AFWIJKINGEN],
        columns=["Onderdeel", "Succescriterium", "Wat u merkt", "Wat u in plaats daarvan kunt gebruiken"],
    ).set_index("Onderdeel")
)

st.header("Een probleem melden")
contact = tg.contact()
if contact:
    st.write("Loopt u tegen iets aan dat niet werkt of niet te lezen is? Meld het hier:")
    st.text(contact)  # set by the host: shown as plain text, never as Markdown or HTML
    st.write("Noem de pagina en wat u probeerde te doen.")
else:
    st.warning(
        "Voor deze installatie is nog geen meldpunt ingesteld. Meld een probleem bij de organisatie die het "
        f"dashboard aanbiedt. Voor de beheerder: zet het meldpunt in de omgevingsvariabele {tg.CONTACT_OMGEVING}.",
        icon=":material/contact_support:",
    )
