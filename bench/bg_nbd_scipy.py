"""Benchmark companion (not a test): the BG/NBD likelihood of Fader, Hardie & Lee (2005, eq. 6),
vectorised with NumPy and minimised over the log-parameters by SciPy's Nelder-Mead, the way the
Python libraries fit it. Written from the paper's formulas. Then, as the wasm core's BG/NBD call
does, the standard errors (inverse of the numeric Hessian, central differences) and every
customer's P(alive) and expected purchases over the next year (eq. 10, SciPy's hyp2f1), summed
into the base's totals and P(alive) histogram: both the fit alone and the whole are timed. Run by
bench/models.mjs on the same summaries as the wasm core:

    /usr/bin/python3 bench/bg_nbd_scipy.py SUMMARY.csv [RUNS]

SUMMARY.csv has a header and the columns x,t_x,T (further columns are ignored). Prints one JSON
line: the parameters, the log-likelihood, the evaluations, the fit's median and range in ms, and
the whole's (fit + standard errors + customers) median and range.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1


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


def standard_errors(log_params, x, t_x, T):
    """Square roots of the inverse numeric Hessian's diagonal in the natural parameters."""
    at = np.exp(log_params)
    f = lambda p: negative_log_likelihood(np.log(p), x, t_x, T)
    n = len(at)
    h = 1e-4 * np.maximum(np.abs(at), 1e-3)
    centre = f(at)
    hessian = np.zeros((n, n))
    for i in range(n):
        e_i = np.eye(n)[i] * h[i]
        hessian[i, i] = (f(at + e_i) - 2 * centre + f(at - e_i)) / h[i] ** 2
        for j in range(i):
            e_j = np.eye(n)[j] * h[j]
            d = f(at + e_i + e_j) - f(at + e_i - e_j) - f(at - e_i + e_j) + f(at - e_i - e_j)
            hessian[i, j] = hessian[j, i] = d / (4 * h[i] * h[j])
    return np.sqrt(np.diag(np.linalg.inv(hessian)))


def customers(log_params, x, t_x, T, horizon):
    """P(alive) (FHL 2008 note) and E[Y(horizon) | x, t_x, T] (FHL 2005 eq. 10), with the base's totals."""
    r, alpha, a, b = np.exp(log_params)
    repeat = x > 0
    odds = np.where(repeat, a / np.maximum(b + x - 1, 1e-300) * ((alpha + T) / (alpha + t_x)) ** (r + x), 0)
    p_alive = 1 / (1 + odds)
    z = horizon / (alpha + T + horizon)
    numerator = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + horizon)) ** (r + x)
                                              * hyp2f1(r + x, b + x, a + b + x - 1, z))
    expected = numerator * p_alive
    histogram = np.bincount(np.clip((p_alive * 10).astype(int), 0, 9), minlength=10)
    return float(expected.sum()), int((p_alive < 0.5).sum()), histogram.tolist()


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path) as f:
        header = f.readline().strip().split(",")
    columns = [header.index(name) for name in ("x", "t_x", "T")]
    data = np.loadtxt(path, delimiter=",", skiprows=1, usecols=columns, ndmin=2)
    x, t_x, T = data[:, 0], data[:, 1], data[:, 2]
    horizon = 365.25 / 7  # the core's default: one year, in weeks
    times, whole = [], []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = fit(x, t_x, T)
        fitted = time.perf_counter()
        errors = standard_errors(result.x, x, t_x, T)
        base = customers(result.x, x, t_x, T, horizon)
        done = time.perf_counter()
        times.append((fitted - started) * 1000)
        whole.append((done - started) * 1000)
    times.sort()
    whole.sort()
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
        "whole_median_ms": whole[len(whole) // 2],
        "whole_min_ms": whole[0],
        "whole_max_ms": whole[-1],
        "std_errors": dict(zip(("r", "alpha", "a", "b"), errors.tolist())),
        "expected_purchases": base[0],
        "probably_lost": base[1],
        "runs": runs,
    }))


if __name__ == "__main__":
    main()
