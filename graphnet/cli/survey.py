"""``graphnet survey``: questionnaires out (forms, confirm) and answers in (collect)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graphnet import survey
from graphnet.cli import EXAMPLE, GraphnetGroup
from graphnet.cli.language import current_language, lang_option, use_language
from graphnet.i18n import t

__all__ = ["survey_group"]



@click.group("survey", cls=GraphnetGroup,
            epilog=EXAMPLE("graphnet survey forms datasets/orp-horni-lhota-2025 -o out/forms"))
def survey_group() -> None:
    """The questionnaire: one form per actor, answers collected back as reports."""


@survey_group.command("forms", epilog=EXAMPLE(
    "graphnet survey forms datasets/orp-horni-lhota-2025 -o out/forms --lang cs"))
@click.argument("data", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the forms into (one .xlsx per actor).")
@lang_option("Language of the forms")
def forms_command(data: Path, output: Path, lang: str | None) -> None:
    """Write one questionnaire (XLSX) per actor of the roster in DATA.

    Each asks the actor to confirm its own record and, for every other actor,
    how often they send families, receive families, exchange information, work
    on cases together and meet; drop-downs and protected sheets keep the layout.
    """
    result = survey.forms(data, output, lang=lang)
    use_language(result.lang)
    click.echo(t("survey.forms_made", result.lang, count=len(result.files), language=result.lang,
                 path=str(result.folder)))


@survey_group.command("collect", epilog=EXAMPLE(
    "graphnet survey collect returned/ --into datasets/orp-horni-lhota-2025"))
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--into", "data", type=click.Path(path_type=Path), required=True,
              help="The dataset (folder) the forms were made from; the results go there.")
@click.option("--partial", is_flag=True,
              help="Write what is valid even when some cells or forms are not; list the rest.")
@lang_option("Language of the messages")
def collect_command(folder: Path, data: Path, partial: bool, lang: str | None) -> None:
    """Read the returned forms in FOLDER into the dataset (never into its roster or vazby).

    Writes the survey reports, the respondents table, corrections of records
    and newly named actors (both for review) and the list of collected forms.
    Nothing is written when any form has an error, unless --partial.
    """
    lang = current_language(lang)
    result = survey.collect(folder, data, partial=partial, lang=lang)
    for problem in result.problems:
        label = "error" if problem.severity == "error" else "warning"
        click.echo(f"{label}: {problem.line()}", err=True)
    for message in result.messages:
        click.echo(message)
    click.echo(t("survey.collected", lang, forms=result.forms, respondents=result.respondents,
                 reports=result.reports, corrections=result.corrections,
                 new_actors=result.new_actors, path=str(result.written[0])))
    if result.errors:
        click.echo(t("survey.partial_left_out", lang, count=len(result.errors)), err=True)
        sys.exit(1)


@survey_group.command("confirm", epilog=EXAMPLE(
    "graphnet survey confirm datasets/orp-horni-lhota-2025 -o out/confirm"))
@click.argument("data", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the confirmation forms into.")
@lang_option("Language of the forms")
def confirm_command(data: Path, output: Path, lang: str | None) -> None:
    """Per actor, a short form listing the ties others reported with it that it did not."""
    result = survey.confirm(data, output, lang=lang)
    use_language(result.lang)
    language = result.lang
    if not result.files:
        click.echo(t("survey.confirm_none", language))
        return
    click.echo(t("survey.confirm_made", language, count=len(result.files), ties=result.ties,
                 path=str(result.folder)))
