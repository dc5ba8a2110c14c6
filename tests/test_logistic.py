"""The one logistic function and linear model behind the checks' fitted models."""

import math

from reliability.logistic import logistic, standardised_logit


def test_logistic_is_a_probability_for_any_finite_logit():
    assert logistic(0.0) == 0.5
    assert math.isclose(logistic(2.0), 1 / (1 + math.exp(-2.0)))
    assert logistic(-1e6) > 0.0 and logistic(1e6) == 1.0  # no OverflowError from math.exp
    assert logistic(-3.0) < logistic(-2.0) < logistic(2.0)


def test_the_linear_model_standardises_each_input_as_when_fitted():
    # (4 - 2) / 2 * 3 + (0 - 1) / 0.5 * -1 + 0.5 = 3 + 2 + 0.5
    assert standardised_logit([4.0, 0.0], [2.0, 1.0], [2.0, 0.5], [3.0, -1.0], 0.5) == 5.5
