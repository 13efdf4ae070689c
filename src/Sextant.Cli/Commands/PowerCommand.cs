using System.CommandLine;
using Sextant.Application.Requests;
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
            var answer = PowerRequest.Answer(RequestOptions.Read(result, [baseline, sd, mde, relative, users, alpha, power]));
            if (!result.GetValue(globals.Json))
            {
                if (answer is SampleSizeAnswer size)
                    console.MarkupLine($"{Terminal.Number(size.UsersPerArm)} users per arm (α = {size.Alpha}, power = {size.Power}, two-sided, normal approximation).");
                else if (answer is DetectableEffectAnswer detectable)
                    console.MarkupLine(Markup.Escape($"With {result.GetValue(users):N0} users per arm the smallest detectable effect is {detectable.MinimumDetectableEffect:G4}" +
                        (detectable.RelativeToBaseline is { } share ? $" ({Terminal.Percent(share)} of the baseline)" : "") + $" (α = {detectable.Alpha}, power = {detectable.Power})."));
            }
            if (result.GetValue(globals.Json)) ResultJson.Write(Terminal.Out(result), answer);
            return Program.ExitOk;
        });
        return command;
    }
}
