"""Benchmark companion (not a test): the BG/NBD likelihood of Fader, Hardie & Lee (2005, eq. 6),
vectorised with NumPy and minimised over the log-parameters by SciPy's Nelder-Mead, the way the
Python libraries fit it. Written from the paper's formulas. Run by bench/models.mjs on the same
summaries as the wasm core:

    /usr/bin/python3 bench/bg_nbd_scipy.py SUMMARY.csv [RUNS]

SUMMARY.csv has a header and the columns x,t_x,T (further columns are ignored). Prints one JSON
line: the parameters, the log-likelihood, the evaluations and the fit's median and range in ms.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln


def negative_log_likelihood(log_params, x, t_x, T):
    r, alpha, a, b = np.exp(log_params)
    # ln L = A1 + A2 + ln(exp(A3) + [x > 0] exp(A4)), FHL 2005 eq. 6 in logs.
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    a4 = np.where(repeat, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x), -np.inf)
    return -np.sum(a1 + a2 + np.logaddexp(a3, a4))


def fit(x, t_x, T):
    result = minimize(negative_log_likelihood, np.zeros(4), args=(x, t_x, T), method="Nelder-Mead",
                      options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 20000, "maxfev": 20000})
    return result


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path) as f:
        header = f.readline().strip().split(",")
    columns = [header.index(name) for name in ("x", "t_x", "T")]
    data = np.loadtxt(path, delimiter=",", skiprows=1, usecols=columns, ndmin=2)
    x, t_x, T = data[:, 0], data[:, 1], data[:, 2]
    times = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = fit(x, t_x, T)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    r, alpha, a, b = np.exp(result.x)
    print(json.dumps({
        "customers": int(len(x)),
        "params": {"r": r, "alpha": alpha, "a": a, "b": b},
        "log_likelihood": -float(result.fun),
        "evaluations": int(result.nfev),
        "converged": bool(result.success),
        "median_ms": times[len(times) // 2],
        "min_ms": times[0],
        "max_ms": times[-1],
        "runs": runs,
    }))


if __name__ == "__main__":
    main()
