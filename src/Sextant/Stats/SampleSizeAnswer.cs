namespace Sextant.Stats;

/// <summary>Users needed per arm to detect an effect (<c>sextant power --mde</c>).</summary>
/// <param name="UsersPerArm">Users per arm.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Power, 1 − β.</param>
/// <param name="Method">How it was computed, in words.</param>
public sealed record SampleSizeAnswer(long UsersPerArm, double Alpha, double Power, string Method);
