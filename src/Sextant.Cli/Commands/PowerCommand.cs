using System.CommandLine;
using Sextant.Cli.Output;
using Sextant.Serialization;
using Sextant.Stats;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant power</c>: users needed per arm to detect an effect, or the smallest effect a given
/// number of users per arm can detect, for a proportion (--baseline) or a mean (--sd).
/// </summary>
internal static class PowerCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var baseline = new Option<double?>("--baseline") { Description = "Control conversion rate, e.g. 0.10 (proportion metrics)" };
        var sd = new Option<double?>("--sd") { Description = "Standard deviation per user (mean metrics)" };
        var mde = new Option<double?>("--mde") { Description = "Minimum detectable effect, absolute (0.02) or with --relative (0.2 = +20%)" };
        var relative = new Option<bool>("--relative") { Description = "--mde is relative to the baseline" };
        var users = new Option<long?>("--users") { Description = "Users per arm: report the minimum detectable effect instead" };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided significance level (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var power = new Option<double>("--power") { Description = "Power, 1 − β (default 0.8)", DefaultValueFactory = _ => 0.8 };
        var command = new Command("power", "Sample size per arm, or minimum detectable effect (normal approximation)") { baseline, sd, mde, relative, users, alpha, power };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var (p, sigma, effect, n) = (result.GetValue(baseline), result.GetValue(sd), result.GetValue(mde), result.GetValue(users));
            var (a, b) = (result.GetValue(alpha), result.GetValue(power));
            if ((p is null) == (sigma is null)) throw new SextantException("give either --baseline (a proportion) or --sd (a mean)");
            if ((effect is null) == (n is null)) throw new SextantException("give either --mde (to get users per arm) or --users (to get the detectable effect)");
            if (p is { } rate && rate is <= 0 or >= 1) throw new SextantException($"--baseline {rate} must be between 0 and 1");
            if (a is <= 0 or >= 1 || b is <= 0 or >= 1) throw new SextantException("--alpha and --power must be between 0 and 1");
            object answer;
            if (effect is { } delta)
            {
                if (delta == 0) throw new SextantException("--mde must not be 0");
                var perArm = p is { } rate2
                    ? Power.SampleSizePerArmForProportions(rate2, delta, a, b, result.GetValue(relative))
                    : Power.SampleSizePerArmForMeans(sigma!.Value, result.GetValue(relative) ? throw new SextantException("--relative needs --baseline") : delta, a, b);
                answer = new { UsersPerArm = perArm, Alpha = a, Power = b, Method = "normal approximation, two-sided" };
                if (!result.GetValue(globals.Json)) console.MarkupLine($"{Terminal.Number(perArm)} users per arm (α = {a}, power = {b}, two-sided, normal approximation).");
            }
            else
            {
                var detectable = p is { } rate3 ? Power.MinimumDetectableEffectForProportions(rate3, n!.Value, a, b) : Power.MinimumDetectableEffectForMeans(sigma!.Value, n!.Value, a, b);
                answer = new { MinimumDetectableEffect = detectable, RelativeToBaseline = p is { } r ? detectable / r : (double?)null, Alpha = a, Power = b };
                if (!result.GetValue(globals.Json))
                    console.MarkupLine(Markup.Escape($"With {n:N0} users per arm the smallest detectable effect is {detectable:G4}" +
                        (p is { } r2 ? $" ({Terminal.Percent(detectable / r2)} of the baseline)" : "") + $" (α = {a}, power = {b})."));
            }
            if (result.GetValue(globals.Json)) ResultJson.Write(Terminal.Out(result), answer);
            return Program.ExitOk;
        });
        return command;
    }
}
