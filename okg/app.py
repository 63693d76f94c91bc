"""The Typer application that every command module registers itself on."""

from importlib.metadata import version

import typer

app = typer.Typer(
    name="okg",
    help="Turn Chinese government and party news into a knowledge graph of officials, "
    "bodies and meetings, and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _show_version(wanted: bool) -> None:
    if not wanted:
        return
    from extraction import is_compiled

    build = "compiled by mypyc" if is_compiled() else "Python source"
    typer.echo(f"okg {version('officials-kg')} (extractor: {build})")
    raise typer.Exit


@app.callback()
def main(
    show_version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Print the version, and whether the extractor runs compiled (pip install .) "
        "or as source (pip install -e .), and exit.",
    ),
) -> None:
    """okg: a knowledge graph of officials, bodies and meetings."""
