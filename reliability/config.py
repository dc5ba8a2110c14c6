"""Settings: which checks run, their weights and options, and the label bands.

Read from a TOML file and/or keyword overrides::

    checks = ["duplication", "readability"]   # omit to run every registered check
    disabled_plugins = ["some-plugin"]        # entry points not to load
    semantic = false                          # never load the sentence-embedding model
    scoring = "formula"                       # or "default" (the shipped model), or a model file

    [weights]
    duplication = 2.0

    [bands]
    high = 75     # score >= high   -> "high"
    medium = 50   # score >= medium -> "medium", else "low"

    [options.readability]
    long_sentence_words = 45
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Bands(BaseModel):
    """Score thresholds of the labels."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    high: float = Field(default=75.0, ge=0, le=100, description="Lowest score labelled 'high'.")
    medium: float = Field(default=50.0, ge=0, le=100, description="Lowest score labelled 'medium'.")

    @model_validator(mode="after")
    def _ordered(self) -> Bands:
        if self.medium > self.high:
            raise ValueError("bands.medium must not exceed bands.high")
        return self

    def label(self, score: float) -> str:
        return "high" if score >= self.high else "medium" if score >= self.medium else "low"


class Settings(BaseModel):
    """Engine settings; immutable once built."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    checks: list[str] | None = Field(
        default=None, min_length=1, description="Checks to run; None runs every registered one."
    )
    disabled_plugins: list[str] = Field(default_factory=list, description="Entry-point names not to load.")
    load_entrypoints: bool = Field(default=True, description="Discover third-party plugins via entry points.")
    weights: dict[str, Annotated[float, Field(ge=0, allow_inf_nan=False)]] = Field(
        default_factory=dict, description="Per-check weight overrides: finite, 0 or more."
    )
    bands: Bands = Field(default_factory=Bands, description="Label thresholds.")
    options: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Per-check options.")
    time_limit: float | None = Field(
        default=10.0,
        gt=0,
        allow_inf_nan=False,
        description="Seconds of CPU time one check may take on one article before it is stopped and reported "
        "as failed; null for no limit.",
    )
    semantic: bool | None = Field(
        default=None,
        description="Use the sentence-embedding model of the `semantic` extra: unset uses it when installed, "
        "false never, true requires it.",
    )

    scoring: str = Field(
        default="formula",
        min_length=1,
        description="Overall score: 'formula' (the hand formula), 'default' (the shipped calibrated model) "
        "or the path of a model file written by `reliability fit` (relative to the settings file).",
    )

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Settings from a TOML file (if given) with keyword overrides on top. A `pyproject.toml` is read
        from its `[tool.reliability]` table."""
        data: dict[str, Any] = {}
        if path is not None:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
            if Path(path).name == "pyproject.toml":
                data = data.get("tool", {}).get("reliability", {})
            scoring = data.get("scoring")
            if isinstance(scoring, str) and scoring not in ("formula", "default"):
                data["scoring"] = str(Path(path).parent / Path(scoring).expanduser())
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(data)

    @staticmethod
    def discover(folder: str | Path = ".") -> Path | None:
        """The settings file the command line uses when none is given: `reliability.toml` in the folder,
        else its `pyproject.toml` if that has a `[tool.reliability]` table. The library never looks."""
        folder = Path(folder)
        if (folder / "reliability.toml").is_file():
            return folder / "reliability.toml"
        pyproject = folder / "pyproject.toml"
        try:
            with open(pyproject, "rb") as fh:
                has_table = "reliability" in tomllib.load(fh).get("tool", {})
        except (OSError, tomllib.TOMLDecodeError):
            return None
        return pyproject if has_table else None

    def options_for(self, check: str) -> dict[str, Any]:
        """The options table of one check (empty if none)."""
        return dict(self.options.get(check, {}))

    def weight_for(self, check: str, default: float) -> float:
        return float(self.weights.get(check, default))
