using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>Terminal output writes a relative lift that rounds to zero as "0.0%", never "-0.0%".</summary>
public sealed class SignedPercentOutputTests
{
    [Fact]
    public void A_tiny_negative_relative_lift_prints_without_a_minus_sign()
    {
        // Given a treatment mean of 0.4999999 against 0.5 (a relative lift of -0.00002%)
        using var directory = new TempDirectory();

        // When stats prints the relative lift
        var result = CliRunner.Run(directory.Path, "stats", "--arm", "control:n=1000,sum=500,sum_squares=300",
            "--arm", "treatment:n=1000,sum=499.9999,sum_squares=300", "--relative");

        // Then the lift reads 0.0% with one-signed bounds, in the shared format
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0.0% [", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.0", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" %", result.Stdout, StringComparison.Ordinal);
    }
}
