namespace Sextant.Stats;

/// <summary>The smallest effect a number of users per arm can detect (<c>sextant power --users</c>).</summary>
/// <param name="MinimumDetectableEffect">The effect, absolute (a rate difference or a difference of means).</param>
/// <param name="RelativeToBaseline">The effect as a share of the baseline rate; null for a mean.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Power, 1 − β.</param>
public sealed record DetectableEffectAnswer(double MinimumDetectableEffect, double? RelativeToBaseline, double Alpha, double Power);
