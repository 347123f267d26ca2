"""All settings in one place: declared once with default and help, resolved from env and a file.

Resolution order (later wins): the declared default, the TOML file named by
``INFRALEDGER_CONFIG`` (or ``~/.config/infraledger/config.toml`` when present), then environment
variables ``INFRALEDGER_<NAME>``. Call :func:`load_settings` once at the edge (CLI, web app) and pass
the result down; library functions take explicit arguments and never read the environment.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError


def flag(value: Any) -> bool:
    """A yes/no setting: true/false, yes/no, on/off, 1/0."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    kind: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "infraledger.duckdb", "The ledger: a DuckDB file's path (':memory:' for a throwaway one) or a postgresql:// URL."),
    Setting("cache_dir", "~/.cache/infraledger", "Folder for downloaded filings, prices and other cached responses."),
    Setting("max_input_bytes", 50_000_000, "Largest input document accepted, in bytes.", int),
    Setting("company_tickers", "", "Path of SEC company_tickers.json used to resolve tickers and CIKs."),
    Setting("edgar_user_agent", "", "User-Agent sent to SEC EDGAR: 'Name email@example.com' (required by the SEC)."),
    Setting("edgar_base_url", "https://www.sec.gov", "Base URL of EDGAR archives (overridable for mirrors and tests)."),
    Setting("edgar_data_url", "https://data.sec.gov", "Base URL of EDGAR's JSON API."),
    Setting("edgar_rate", 10.0, "Most requests per second sent to EDGAR (the SEC allows 10).", float),
    Setting("llm_url", "", "Base URL of an OpenAI-compatible endpoint for the LLM extraction backend."),
    Setting("llm_model", "", "Model name to ask the LLM endpoint for."),
    Setting("llm_api_key", "", "API key for the LLM endpoint (sent as a Bearer token)."),
    Setting("llm_timeout", 60.0, "Seconds to wait for one LLM answer.", float),
    Setting("extract_backend", "rules", "Default extraction backend: 'rules' or 'llm'."),
    Setting("extract_parse", True, "Rules backend: also read sentences by their dependency parse (finds more deals; "
            "about three times the CPU time).", flag),
    Setting("wait", 10.0, "Seconds to wait for a ledger that another process is reading or writing before giving up.",
            float),
    Setting("smtp_host", "", "SMTP server for e-mailed alerts (watch run --email); empty: no e-mail."),
    Setting("smtp_port", 587, "Port of the SMTP server.", int),
    Setting("smtp_user", "", "User name to log in to the SMTP server with (empty: no login)."),
    Setting("smtp_password", "", "Password for the SMTP login."),
    Setting("smtp_starttls", True, "Switch the SMTP connection to TLS (STARTTLS) before logging in.", flag),
    Setting("smtp_from", "", "From address of e-mailed alerts (default: the SMTP user)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    db: str = "infraledger.duckdb"
    cache_dir: str = "~/.cache/infraledger"
    max_input_bytes: int = 50_000_000
    company_tickers: str = ""
    edgar_user_agent: str = ""
    edgar_base_url: str = "https://www.sec.gov"
    edgar_data_url: str = "https://data.sec.gov"
    edgar_rate: float = 10.0
    llm_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 60.0
    extract_backend: str = "rules"
    extract_parse: bool = True
    wait: float = 10.0
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = True
    smtp_from: str = ""

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir).expanduser()

    def replace(self, **changes: Any) -> "Settings":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update({k: v for k, v in changes.items() if v is not None})
        return Settings(**values)


def default_of(name: str) -> Any:
    """The declared default of setting ``name``."""
    return _BY_NAME[name].default


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    try:
        return setting.kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{origin}: setting '{setting.name}' must be {setting.kind.__name__}, got {value!r}") from None


def load_settings(env: Mapping[str, str] | None = None, config_file: str | Path | None = None) -> Settings:
    """Resolve settings from defaults, a TOML file and ``INFRALEDGER_*`` environment variables."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    path = config_file or env.get("INFRALEDGER_CONFIG")
    if not path:
        default = Path("~/.config/infraledger/config.toml").expanduser()
        path = default if default.is_file() else None
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        for key, value in data.items():
            setting = _BY_NAME.get(key)
            if setting is None:
                raise ConfigError(f"{path}: unknown setting '{key}'")
            values[key] = _coerce(setting, value, str(path))
    for setting in SETTINGS:
        raw = env.get(f"INFRALEDGER_{setting.name.upper()}")
        if raw is not None and raw != "":
            values[setting.name] = _coerce(setting, raw, f"INFRALEDGER_{setting.name.upper()}")
    return Settings(**values)
