"""The Typer application that every command module registers itself on."""

import typer

app = typer.Typer(
    name="okg",
    help="Turn Chinese government and party news into a knowledge graph of officials, "
    "bodies and meetings, and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


@app.callback()
def main() -> None:
    """okg: a knowledge graph of officials, bodies and meetings."""
