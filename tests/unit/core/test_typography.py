"""French typography set by the build (sitekit.core.typography): the rules, what they never touch, idempotence."""

from __future__ import annotations

import pytest

from sitekit.core.typography import NBSP, NNBSP, french_html, french_text, typeset

N, T = NBSP, NNBSP  # no-break space, narrow no-break space


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ("Attention : danger", f"Attention{N}: danger"),
        ("Pourquoi ? Parce que ; voilà !", f"Pourquoi{T}? Parce que{T}; voilà{T}!"),
        ("Pourquoi? Parce que; voilà!", f"Pourquoi{T}? Parce que{T}; voilà{T}!"),  # missing: added
        ("Quoi?! Vraiment ??", f"Quoi{T}?! Vraiment{T}??"),  # a run of marks stays together
        ("«risques» et « menaces »", f"«{T}risques{T}» et «{T}menaces{T}»"),
        ("50% et 50 % ; 3 €, 3€ et 1,2 M€", f"50{N}% et 50{N}%{T}; 3{N}€, 3{N}€ et 1,2{N}M€"),
        ("un fichier de 2 Mo", f"un fichier de 2{N}Mo"),
        ("12 000 agents et 1 200 000 €", f"12{T}000 agents et 1{T}200{T}000{N}€"),
        ("n°12 et n° 3", f"n°{N}12 et n°{N}3"),
        ("l'équipe d'aujourd'hui", "l’équipe d’aujourd’hui"),
        # typed by habit: the references count as spaces, written as the character of the rule
        ("Quiz&nbsp;: prêt&nbsp;? «&#8239;oui&#xA0;»", f"Quiz{N}: prêt{T}? «{T}oui{T}»"),
        (f"déjà{N}? déjà{T}: bon", f"déjà{T}? déjà{N}: bon"),
    ],
)
def test_french_text_sets_the_spaces(typed, published):
    assert french_text(typed) == published


@pytest.mark.parametrize(
    "text",
    [
        "Note: à 10:30, le ratio 3:1",  # a colon is never given a space it was not typed with
        "un émoji :smile: ici",  # a colon that does not end a clause
        "a;b et page?x=1 et Yahoo!Mail",  # not the end of a clause
        "https://exemple.fr/a?b=1;c=2 et www.exemple.fr/x?y et support@ch-valmont.fr!",
        "en 2026, au 75013, le 01 99 00 12 34, FINESS 990000001",  # no thousands separator added
        "le mot 'cité'",  # a quotation with apostrophes is not an elided word
        "",
    ],
)
def test_french_text_leaves_alone_what_it_cannot_tell(text):
    assert french_text(text) == text


def test_urls_and_emails_are_left_whole_even_next_to_punctuation():
    assert french_text("Voir https://exemple.fr/?q=1 : la page ?") == f"Voir https://exemple.fr/?q=1{N}: la page{T}?"


def test_typeset_only_french():
    assert typeset("Ready ?", "en") == "Ready ?"
    assert typeset("Prêt ?", "fr") == f"Prêt{T}?"


PAGE = """<!doctype html><html lang="fr"><head><title>Accueil : le site</title>
<meta name="description" content="Une phrase : la voici ?">
<script>if (a ? b : c) { x = "« y »"; }</script><style>a:hover { color: red; }</style></head>
<body><p>Quiz : <code>a : b ? c</code> <kbd>Ctrl ;</kbd> <a href="page.html?x=1 : y" title="Aide ?">l'aide</a> ?</p>
<pre><code>print("a ; b")</code></pre>
<p><strong>Attention</strong>! et «<em>phishing</em>» &amp; co ; &lt;b&gt; ?</p>
<p lang="en">In English : as typed ?</p><p>Suite <span lang="en-GB">keep : this</span> : fin !</p>
<!-- un commentaire : intact ? --><img alt="Texte ?" src="a.png"><p>50% de 12 000 agents</p></body></html>"""


def test_french_html_sets_the_text_and_nothing_else():
    out = french_html(PAGE)
    assert f"<title>Accueil{N}: le site</title>" in out
    assert '<meta name="description" content="Une phrase : la voici ?">' in out  # attributes as written
    assert '<script>if (a ? b : c) { x = "« y »"; }</script><style>a:hover { color: red; }</style>' in out
    assert f'<p>Quiz{N}: <code>a : b ? c</code> <kbd>Ctrl ;</kbd> <a href="page.html?x=1 : y" title="Aide ?">' in out
    assert f"l’aide</a>{T}?</p>" in out
    assert '<pre><code>print("a ; b")</code></pre>' in out
    assert f"<p><strong>Attention</strong>{T}! et «{T}<em>phishing</em>{T}» &amp; co{T}; &lt;b&gt;{T}?</p>" in out
    assert '<p lang="en">In English : as typed ?</p>' in out
    assert f'<p>Suite <span lang="en-GB">keep : this</span>{N}: fin{T}!</p>' in out
    assert '<!-- un commentaire : intact ? --><img alt="Texte ?" src="a.png">' in out
    assert f"<p>50{N}% de 12{T}000 agents</p>" in out


def test_french_html_leaves_tags_and_code_byte_for_byte():
    out = french_html(PAGE)
    removed = out.replace(N, " ").replace(T, " ").replace("’", "'").replace(f" {T}", " ")
    # the only changes are spaces made non-breaking, spaces added before a mark and apostrophes
    assert removed.replace(" ", "") == PAGE.replace(" ", "")


@pytest.mark.parametrize("html", [PAGE, "<p>Quiz&nbsp;: « oui » ? 50% n°3 l'idée</p>", "texte ?", "<p></p>", ""])
def test_applying_twice_is_applying_once(html):
    once = french_html(html)
    assert french_html(once) == once
    assert french_text(french_text(html)) == french_text(html)


def test_nbsp_typed_by_habit_in_html_is_accepted_and_becomes_the_character():
    assert french_html("<p>Quiz&nbsp;: prêt&nbsp;?</p>") == f"<p>Quiz{N}: prêt{T}?</p>"


def test_a_mark_before_an_inline_tag_ends_its_clause():
    html = '<h1 id="quiz">Quiz : prêts ?<a class="headerlink" href="#quiz">¶</a></h1>'
    assert french_html(html) == f'<h1 id="quiz">Quiz{N}: prêts{T}?<a class="headerlink" href="#quiz">¶</a></h1>'


def test_unclosed_code_keeps_the_rest_untouched():
    assert french_html("<p>a ?</p><code>b ?") == f"<p>a{T}?</p><code>b ?"
