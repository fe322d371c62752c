"""Means and bootstrap intervals on inputs whose answers are known."""

from __future__ import annotations

import math

from psylite.evaluation.stats import bootstrap_ci, mean, quantile


def test_mean_and_quantile_match_hand_computed_values():
    assert mean([1, 2, 3, 4]) == 2.5
    assert math.isnan(mean([]))
    # numpy's default (linear) method: position (n-1)*q.
    assert quantile([1, 2, 3, 4], 0.5) == 2.5
    assert quantile([10, 20, 30, 40, 50], 0.25) == 20
    assert quantile([0, 10], 0.975) == 9.75


def test_constant_sample_has_a_zero_width_interval():
    est = bootstrap_ci([3.0] * 10)
    assert (est.mean, est.low, est.high, est.n) == (3.0, 3.0, 3.0, 10)


def test_proportion_interval_matches_the_normal_approximation():
    # 100 coin flips, half heads: 95% CI ≈ 0.5 ± 1.96 * sqrt(0.25 / 100) = [0.402, 0.598].
    est = bootstrap_ci([1.0, 0.0] * 50, resamples=4000, seed=1)
    assert est.mean == 0.5
    assert abs(est.low - 0.402) < 0.025 and abs(est.high - 0.598) < 0.025


def test_same_seed_same_interval_and_different_seed_differs():
    data = [1, 5, 2, 8, 3, 9, 4, 7]
    assert bootstrap_ci(data, seed=7) == bootstrap_ci(data, seed=7)
    assert bootstrap_ci(data, seed=7) != bootstrap_ci(data, seed=8)
    est = bootstrap_ci(data, seed=7)
    assert min(data) <= est.low < est.mean < est.high <= max(data)


def test_empty_sample_serialises_without_nan():
    est = bootstrap_ci([])
    assert est.n == 0 and math.isnan(est.mean)
    assert est.to_json() == {"mean": None, "low": None, "high": None, "n": 0}
