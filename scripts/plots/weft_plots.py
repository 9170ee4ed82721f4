#!/usr/bin/env python3
"""Weft performance plots: turns the CSVs written by Weft's `PlotWriter` into HEP-style PNGs.

Usage: weft_plots.py --input DIR [--output DIR] [FILE.csv ...]

Every `*.csv` in DIR (or the files named) that starts with `# plot:` metadata is drawn as one PNG of
the same stem: rates with Clopper-Pearson error bars, bin widths as horizontal bars, log x for pT, the
selection in the legend. PNGs are written to a temporary name and renamed (never half-written).
The written paths are printed one per line. Exit status 3 means matplotlib or mplhep is missing.
"""

import argparse
import csv
import io
import os
import sys

MISSING_DEPENDENCIES = 3

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker as ticker
    import mplhep as hep
    import numpy as np
except ImportError as error:  # the Swift side turns this status into a clear error
    print(f"missing plotting dependency: {error.name} ({error})", file=sys.stderr)
    sys.exit(MISSING_DEPENDENCIES)

COLOURS = ["#3f90da", "#e42536", "#2ca02c", "#964a8b", "#f89c20", "#7a21dd"]
MARKERS = ["o", "s", "^", "v", "D", "P"]
# TrackML detector volume ids (DESIGN §5): pixel, short-strip and long-strip barrels and end-caps.
VOLUME_NAMES = {
    7: "Pix EC−", 8: "Pix B", 9: "Pix EC+",
    12: "SS EC−", 13: "SS B", 14: "SS EC+",
    16: "LS EC−", 17: "LS B", 18: "LS EC+",
}


def pretty(label):
    """Typesets plain-text selections (`pT > 1 GeV`) with mathtext."""
    return label.replace("pT", r"$p_{\mathrm{T}}$").replace("|η|", r"$|\eta|$")


def read_plot(path):
    """Returns (metadata dict, {series: list of row dicts}) in file order."""
    with open(path, newline="", encoding="utf-8") as handle:
        text = handle.read()
    meta, body = {}, []
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
        elif line.strip():
            body.append(line)
    series = {}
    for row in csv.DictReader(io.StringIO("\n".join(body))):
        series.setdefault(row["series"], []).append(row)
    return meta, series


def as_float(text):
    return float(text) if text not in ("", None) else float("nan")


def draw(meta, series, output):
    x_scale = meta.get("x_scale", "linear")
    fig, ax = plt.subplots(figsize=(8, 6))
    categories = []
    y_top = 0.0
    is_efficiency = "efficien" in meta.get("y_label", "").lower() and "purity" not in meta.get("y_label", "").lower()
    count = len(series)
    for k, (label, rows) in enumerate(series.items()):
        low = np.array([as_float(r["low"]) for r in rows])
        high = np.array([as_float(r["high"]) for r in rows])
        value = np.array([as_float(r["value"]) for r in rows])
        lower = np.array([as_float(r["lower"]) for r in rows])
        upper = np.array([as_float(r["upper"]) for r in rows])
        # Several series share the bins: shift their markers a little so no error bar hides another.
        shift = (k - (count - 1) / 2) * (0.15 if count > 1 else 0.0)
        if x_scale == "category":
            categories = [int(v) for v in low]
            x = np.arange(len(low)) + shift
            x_err = None
        elif x_scale == "log":
            x = np.sqrt(low * high) * (high / low) ** shift
            x_err = np.vstack([x - low, high - x])
        else:
            x = 0.5 * (low + high) + shift * (high - low)
            x_err = np.vstack([x - low, high - x])
        ok = np.isfinite(value)
        if not ok.any():
            continue
        y_err = np.vstack([value - lower, upper - value])[:, ok]
        ax.errorbar(
            x[ok], value[ok], yerr=y_err, xerr=None if x_err is None else x_err[:, ok],
            fmt=MARKERS[k % len(MARKERS)], color=COLOURS[k % len(COLOURS)], markersize=6,
            elinewidth=1.3, capsize=0, label=pretty(label),
        )
        y_top = max(y_top, float(np.nanmax(upper[ok])))

    if x_scale == "log":
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        ax.set_xticks([t for t in (0.5, 1, 2, 5, 10, 20, 50, 100)])
    if x_scale == "category":
        ax.set_xticks(np.arange(len(categories)))
        ax.set_xticklabels([f"{c}\n{VOLUME_NAMES[c]}" if c in VOLUME_NAMES else str(c) for c in categories],
                           fontsize="small")
        ax.xaxis.set_minor_locator(ticker.NullLocator())
        ax.set_xlim(-0.6, len(categories) - 0.4)
    else:
        edges = [as_float(r[c]) for rows in series.values() for r in rows for c in ("low", "high")]
        if edges:
            ax.set_xlim(min(edges), max(edges))

    if is_efficiency:
        ax.axhline(1.0, color="grey", linestyle="--", linewidth=1)
        ax.set_ylim(0, 1.35)
    else:
        top = y_top if y_top > 0 else 0.05
        ax.set_ylim(0, min(1.35, max(0.05, 1.6 * top)) if top <= 1 else 1.6 * top)
    ax.set_xlabel(meta.get("x_label", ""))
    ax.set_ylabel(meta.get("y_label", ""))
    # data=False makes mplhep add "Simulation" itself.
    hep.label.exp_label(exp="Weft", text="", data=False, loc=0, ax=ax, rlabel=meta.get("right_label", ""))
    ax.legend(title=pretty(meta.get("title", "")), loc="upper right", frameon=False, fontsize="small",
              title_fontsize="small")
    fig.tight_layout()

    tmp = f"{output}.tmp-{os.getpid()}"
    fig.savefig(tmp, format="png", dpi=120)
    plt.close(fig)
    os.replace(tmp, output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="directory with the CSVs")
    parser.add_argument("--output", help="directory for the PNGs (default: the input directory)")
    parser.add_argument("files", nargs="*", help="CSV files to plot (default: every CSV in --input)")
    args = parser.parse_args()
    output_dir = args.output or args.input
    os.makedirs(output_dir, exist_ok=True)
    files = args.files or sorted(
        os.path.join(args.input, f) for f in os.listdir(args.input) if f.endswith(".csv")
    )
    hep.style.use("ATLAS")
    for path in files:
        meta, series = read_plot(path)
        if "plot" not in meta:
            continue
        name = os.path.splitext(os.path.basename(path))[0]
        target = os.path.join(output_dir, name + ".png")
        draw(meta, series, target)
        print(os.path.abspath(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
