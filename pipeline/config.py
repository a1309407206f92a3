"""Settings: where seeds are read from and where the warehouse is written.

One validated object, built once from the environment (SEEDS_DIR, WAREHOUSE_PATH,
MAX_SEED_BYTES), so that `make run`, `make ui`, the tests and the CLI agree on paths.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS_DIR = PROJECT_ROOT / "seeds"
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "warehouse" / "relations.duckdb"
DEFAULT_MAX_SEED_BYTES = 10_000_000


class SettingsError(ValueError):
    """A setting from the environment that cannot work; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    warehouse_path: Path          # the file analysts open; replaced atomically after each run
    max_seed_bytes: int = DEFAULT_MAX_SEED_BYTES

    def __post_init__(self) -> None:
        if self.max_seed_bytes <= 0:
            raise SettingsError(f"MAX_SEED_BYTES must be a positive number of bytes, got {self.max_seed_bytes}")
        if self.warehouse_path.exists() and self.warehouse_path.is_dir():
            raise SettingsError(f"WAREHOUSE_PATH {self.warehouse_path} is a directory; give a file path such as "
                                f"{self.warehouse_path / 'relations.duckdb'}")

    @property
    def work_path(self) -> Path:
        """The pipeline's private working copy: only the pipeline writes it, analysts never open it."""
        return self.warehouse_path.parent / ".work" / self.warehouse_path.name

    @classmethod
    def from_env(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        seeds = Path(env.get("SEEDS_DIR") or DEFAULT_SEEDS_DIR).expanduser()
        warehouse = Path(env.get("WAREHOUSE_PATH") or DEFAULT_WAREHOUSE_PATH).expanduser()
        raw_max = env.get("MAX_SEED_BYTES") or str(DEFAULT_MAX_SEED_BYTES)
        try:
            max_bytes = int(raw_max.replace("_", ""))
        except ValueError:
            raise SettingsError(f"MAX_SEED_BYTES must be an integer number of bytes, got {raw_max!r}") from None
        return cls(seeds_dir=seeds.resolve(), warehouse_path=warehouse.resolve(), max_seed_bytes=max_bytes)
