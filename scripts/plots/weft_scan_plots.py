#!/usr/bin/env python3
"""Weft pile-up scan plots: turns the `scan.json` written by `weft scan` into HEP-style PNGs.

Usage: weft_scan_plots.py --input DIR [--output DIR]

Reads DIR/scan.json and draws, per scan: time per stage vs N_hits, signal hits and mu on log-log axes with the
power-law fits (k +- sigma_k in the legend, fitted range drawn solid, extrapolation dashed), efficiency
and fake/duplicate rates vs mu, peak memory vs mu, and event sizes (hits, noise, seeds) vs mu.
PNGs are written to a temporary name and renamed. The written paths are printed one per line.
Exit status 3 means matplotlib or mplhep is missing.
"""

import argparse
import json
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
except ImportError as error:
    print(f"missing plotting dependency: {error.name} ({error})", file=sys.stderr)
    sys.exit(MISSING_DEPENDENCIES)

COLOURS = ["#3f90da", "#e42536", "#2ca02c", "#964a8b", "#f89c20", "#7a21dd", "#555555"]
MARKERS = ["o", "s", "^", "v", "D", "P", "X"]
MU = r"$\langle\mu\rangle$"


def save(fig, path):
    tmp = f"{path}.tmp-{os.getpid()}"
    fig.savefig(tmp, format="png", dpi=120)
    plt.close(fig)
    os.replace(tmp, path)
    print(os.path.abspath(path))


def label(ax, scan, extra=""):
    right = f"{scan['detector']}, {scan['events_per_point']} ev/point, {scan['threads']} thr"
    hep.label.exp_label(exp="Weft", text="", data=False, loc=0, ax=ax, rlabel=right + extra)


def methods(scan):
    seen = []
    for row in scan["rows"]:
        if row["method"] not in seen:
            seen.append(row["method"])
    return seen


def stage_names(rows):
    names = []
    for row in rows:
        for s in row["stages"]:
            if s["stage"] not in names:
                names.append(s["stage"])
    return names + ["total", "total (CPU)"]


def stage_time(row, name):
    if name == "total":
        return row["total"]["median_s"], row["total"]["spread_s"]
    if name == "total (CPU)":
        cpu = row.get("cpu")
        return (cpu["median_s"], cpu["spread_s"]) if cpu else (float("nan"), float("nan"))
    for s in row["stages"]:
        if s["stage"] == name:
            return s["median_s"], s["spread_s"]
    return float("nan"), float("nan")


def xvalue(row, variable):
    if variable == "signal_hits":
        return row["hits"] - row["noise_hits"]
    return row[variable]


def time_plot(scan, method, variable, output):
    rows = [r for r in scan["rows"] if r["method"] == method and (variable != "mu" or r["mu"] > 0)]
    fits = {f["stage"]: f["fit"] for f in scan["fits"] if f["method"] == method and f["variable"] == variable}
    fig, ax = plt.subplots(figsize=(8, 6.5))
    for k, name in enumerate(stage_names(rows)):
        x = np.array([xvalue(r, variable) for r in rows], dtype=float)
        t = np.array([stage_time(r, name) for r in rows], dtype=float)
        ok = np.isfinite(t[:, 0]) & (t[:, 0] > 0)
        if not ok.any():
            continue
        colour, marker = COLOURS[k % len(COLOURS)], MARKERS[k % len(MARKERS)]
        text = "total CPU time (all threads)" if name == "total (CPU)" else name + (" (wall)" if name == "total" else "")
        if name in fits:
            f = fits[name]
            text += rf": $k = {f['exponent']:.2f} \pm {f['exponent_error']:.2f}$"
            grid = np.geomspace(f["x_min"], f["x_max"], 50)
            ax.plot(grid, f["amplitude"] * grid ** f["exponent"], color=colour, linewidth=1.4)
            lo, hi = x[ok].min(), x[ok].max()
            for a, b in ((lo, f["x_min"]), (f["x_max"], hi)):
                if b > a:
                    g = np.geomspace(a, b, 20)
                    ax.plot(g, f["amplitude"] * g ** f["exponent"], color=colour, linewidth=1, linestyle="--")
        ax.errorbar(x[ok], t[ok, 0], yerr=t[ok, 1], fmt=marker, color=colour, markersize=8 if name.startswith("total") else 6,
                    elinewidth=1.3, capsize=0, label=text, mfc="white" if name.startswith("total") else colour)
    ax.set_xscale("log")
    ax.set_yscale("log")
    if variable != "mu":
        ax.set_xlabel(r"Hits per event $N_{\mathrm{hits}}$ (incl. noise)" if variable == "hits"
                      else r"Signal hits per event $N_{\mathrm{hits}} - N_{\mathrm{noise}}$")
        for r in rows:
            ax.annotate(f"{r['mu']:g}", (xvalue(r, variable), r["total"]["median_s"]), textcoords="offset points",
                        xytext=(0, 8), ha="center", fontsize="x-small", color="grey")
    else:
        ax.set_xlabel("Pile-up " + MU)
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.set_ylabel("Time per event [s]")
    xs = [xvalue(r, variable) for r in rows]
    ax.set_xlim(min(xs) / 1.4, max(xs) * 1.4)
    ymin, ymax = ax.get_ylim()
    ax.set_ylim(ymin, ymax * 30)
    lo, hi = scan["fit_range_mu"]
    variable_text = {"hits": r"$N_{\mathrm{hits}}^{k}$", "signal_hits": r"$N_{\mathrm{signal}}^{k}$"}.get(variable, MU + r"$^{k}$")
    ax.legend(title=f"{method.upper()}: fit t $\\propto$ {variable_text}, " + MU + f" $\\in$ [{lo:g}, {hi:g}]" +
              ("\n(grey numbers: " + MU + ")" if variable != "mu" else ""),
              loc="upper left", bbox_to_anchor=(0, 0.9), frameon=False, fontsize="x-small", title_fontsize="x-small")
    label(ax, scan)
    fig.tight_layout()
    save(fig, output)


def performance_plot(scan, output):
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 8), sharex=True, gridspec_kw={"height_ratios": [1.3, 1]})
    for m, method in enumerate(methods(scan)):
        rows = [r for r in scan["rows"] if r["method"] == method]
        mu = np.array([r["mu"] for r in rows], dtype=float)
        def col(key):
            return np.array([np.nan if r.get(key) is None else r[key] for r in rows], dtype=float)
        eff, err = col("efficiency"), col("efficiency_error")
        top.errorbar(mu, eff, yerr=err, fmt="o-", color=COLOURS[2 * m], label=rf"{method.upper()} $p_{{\mathrm{{T}}}} > 1$ GeV")
        top.plot(mu, col("efficiency_pt05"), "s--", color=COLOURS[2 * m + 1], label=rf"{method.upper()} $p_{{\mathrm{{T}}}} > 0.5$ GeV")
        top.plot(mu, col("trackml_score"), "^:", color=COLOURS[4 + m], label=f"{method.upper()} TrackML score")
        bottom.plot(mu, col("fake_rate"), "o-", color=COLOURS[2 * m], label=f"{method.upper()} fake rate")
        bottom.plot(mu, col("duplicate_rate"), "s--", color=COLOURS[2 * m + 1], label=f"{method.upper()} duplicate rate")
    top.set_ylabel("Efficiency / score")
    top.set_ylim(0.5, 1.12)
    top.axhline(1, color="grey", linestyle="--", linewidth=1)
    top.legend(loc="lower left", frameon=False, fontsize="x-small", ncol=1)
    bottom.set_ylabel("Fraction of tracks")
    bottom.set_xlabel("Pile-up " + MU)
    ymax = bottom.get_ylim()[1]
    bottom.set_ylim(0, max(0.02, 1.5 * ymax))
    bottom.legend(loc="upper left", frameon=False, fontsize="x-small")
    label(top, scan)
    fig.tight_layout()
    save(fig, output)


def memory_plot(scan, output):
    fig, ax = plt.subplots(figsize=(8, 6))
    for m, method in enumerate(methods(scan)):
        rows = [r for r in scan["rows"] if r["method"] == method]
        mu = np.array([r["mu"] for r in rows], dtype=float)
        peak = np.array([np.nan if r.get("peak_rss_mib") is None else r["peak_rss_mib"] for r in rows], dtype=float)
        extra = np.array([np.nan if r.get("reconstruction_mib") is None else r["reconstruction_mib"] for r in rows], dtype=float)
        ax.plot(mu, peak, "o-", color=COLOURS[2 * m], label=f"{method.upper()} peak resident memory")
        ax.plot(mu, extra, "s--", color=COLOURS[2 * m + 1], label=f"{method.upper()} growth during reconstruction")
    ax.set_xlabel("Pile-up " + MU)
    ax.set_ylabel("Memory [MiB]")
    ax.set_ylim(0, ax.get_ylim()[1] * 1.4)
    note = "per-event high-water mark (VmHWM reset)" if scan.get("peak_memory_is_per_event") else "process-lifetime maxrss"
    ax.legend(title=note, loc="upper left", frameon=False, fontsize="x-small", title_fontsize="x-small")
    label(ax, scan)
    fig.tight_layout()
    save(fig, output)


def sizes_plot(scan, output):
    fig, ax = plt.subplots(figsize=(8, 6))
    rows = [r for r in scan["rows"] if r["method"] == methods(scan)[0]]
    mu = np.array([r["mu"] for r in rows], dtype=float)
    curves = [("hits", "Hits (total)"), ("noise_hits", "Noise hits"), ("particles_with_hits", "Particles with hits"),
              ("seeds", "Seeds (CKF, all passes)"), ("candidates", "CKF candidates"), ("tracks", "Tracks"),
              ("graph_edges", "Graph edges")]
    for k, (key, text) in enumerate(curves):
        y = np.array([np.nan if r.get(key) is None else r[key] for r in rows], dtype=float)
        if np.isfinite(y).any():
            ax.plot(mu, y, MARKERS[k % len(MARKERS)] + "-", color=COLOURS[k % len(COLOURS)], label=text)
    ax.set_yscale("log")
    ax.set_xlabel("Pile-up " + MU)
    ax.set_ylabel("Count per event")
    ax.set_ylim(ax.get_ylim()[0], ax.get_ylim()[1] * 20)
    ax.legend(loc="upper left", frameon=False, fontsize="x-small", ncol=2)
    label(ax, scan)
    fig.tight_layout()
    save(fig, output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="directory with scan.json")
    parser.add_argument("--output", help="directory for the PNGs (default: the input directory)")
    args = parser.parse_args()
    output_dir = args.output or args.input
    os.makedirs(output_dir, exist_ok=True)
    with open(os.path.join(args.input, "scan.json"), encoding="utf-8") as handle:
        scan = json.load(handle)
    if not scan["rows"]:
        print("scan.json has no points", file=sys.stderr)
        return 1
    hep.style.use("ATLAS")
    for method in methods(scan):
        time_plot(scan, method, "hits", os.path.join(output_dir, f"time_vs_hits_{method}.png"))
        time_plot(scan, method, "signal_hits", os.path.join(output_dir, f"time_vs_signal_hits_{method}.png"))
        time_plot(scan, method, "mu", os.path.join(output_dir, f"time_vs_mu_{method}.png"))
    performance_plot(scan, os.path.join(output_dir, "efficiency_fake_vs_mu.png"))
    memory_plot(scan, os.path.join(output_dir, "memory_vs_mu.png"))
    sizes_plot(scan, os.path.join(output_dir, "sizes_vs_mu.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
