"""Charts of the analytic tables, rendered to PNG bytes (the caller decides where they go)."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")   # no display: render to files only
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import polars as pl  # noqa: E402

MAX_PAIRS = 6   # more panels than this are unreadable; the pairs with most figures are shown

TRADE_CHART_SQL = """
    SELECT concat_ws('-', least(country_a, country_b), greatest(country_a, country_b)) AS pair, kind,
           coalesce(period_start, period_end) AS period_start, coalesce(period_end, period_start) AS period_end,
           value, report_count, conflict
    FROM trade_timeline
    WHERE flow = 'total' AND unit = 'USD' AND commodity IS NULL AND value IS NOT NULL
      AND country_a IS NOT NULL AND country_b IS NOT NULL AND coalesce(period_end, period_start) IS NOT NULL
    ORDER BY pair, period_end"""


def trade_chart(frame: pl.DataFrame) -> bytes:
    """Total trade in US dollars over time, one panel per country pair, actuals as a line and
    targets/forecasts as markers. `frame` has the columns TRADE_CHART_SQL selects."""
    pairs = (frame.group_by("pair").len().sort(["len", "pair"], descending=[True, False])
             .head(MAX_PAIRS)["pair"].to_list()) if frame.height else []
    n = max(len(pairs), 1)
    fig, axes = plt.subplots(n, 1, figsize=(9, 2.8 * n), squeeze=False)
    if not pairs:
        axes[0][0].text(0.5, 0.5, "No dated total-trade figures in US dollars yet", ha="center", va="center")
        axes[0][0].set_axis_off()
    for ax, pair in zip((row[0] for row in axes), pairs):
        part = frame.filter(pl.col("pair") == pair)
        # each figure spans its period (a 10-month figure is not a year's): a segment, not a line through points
        for kind, color in (("actual", "tab:blue"), ("target", "tab:green"), ("forecast", "tab:orange")):
            k = part.filter(pl.col("kind") == kind)
            for i, row in enumerate(k.iter_rows(named=True)):
                y = row["value"] / 1e9
                ax.plot([row["period_start"], row["period_end"]], [y, y], color=color, linewidth=3,
                        linestyle="-" if kind == "actual" else "--", marker="|", label=kind if i == 0 else None)
                if row["conflict"]:
                    ax.plot([row["period_end"]], [y], "x", color="red", markersize=10)
        if part["conflict"].any():
            ax.plot([], [], "x", color="red", label="sources disagree")
        ax.set_title(f"{pair}: total trade per reported period")
        ax.set_ylabel("USD bn")
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return buf.getvalue()
