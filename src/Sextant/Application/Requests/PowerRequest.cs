using System.Globalization;
using Sextant.Stats;

namespace Sextant.Application.Requests;

/// <summary>
/// Sample size per arm, or the minimum detectable effect (normal approximation): <c>baseline</c>
/// (a proportion) or <c>sd</c> (a mean); <c>mde</c> (with <c>relative</c>) or <c>users</c> per arm;
/// <c>alpha</c> (default 0.05) and <c>power</c> (default 0.8). It reads no data.
/// </summary>
public sealed class PowerRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "power";

    /// <inheritdoc/>
    public string Summary => "Sample size per arm, or minimum detectable effect (normal approximation)";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Answer(parameters);

    /// <summary>A <see cref="SampleSizeAnswer"/> when <c>mde</c> is given, else a <see cref="DetectableEffectAnswer"/>.</summary>
    /// <exception cref="SextantException">A parameter is missing, invalid or out of range.</exception>
    public static object Answer(RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = Number(parameters, "baseline");
        var sigma = Number(parameters, "sd");
        var effect = Number(parameters, "mde");
        var relative = parameters.Flag("relative");
        var n = parameters.Text("users") is { } usersText ? Users(parameters, usersText) : (long?)null;
        var a = Number(parameters, "alpha") ?? 0.05;
        var b = Number(parameters, "power") ?? 0.8;
        parameters.RejectUnread("power");
        if ((p is null) == (sigma is null)) throw RequestParameters.Invalid("baseline", $"give either {parameters.Label("baseline")} (a proportion) or {parameters.Label("sd")} (a mean)");
        if ((effect is null) == (n is null)) throw RequestParameters.Invalid("mde", $"give either {parameters.Label("mde")} (to get users per arm) or {parameters.Label("users")} (to get the detectable effect)");
        if (p is { } rate && rate is <= 0 or >= 1) throw RequestParameters.Invalid("baseline", $"{parameters.Label("baseline")} {rate.ToString(CultureInfo.CurrentCulture)} must be between 0 and 1");
        if (sigma is { } deviation && !(deviation > 0)) throw RequestParameters.Invalid("sd", $"{parameters.Label("sd")} must be positive");
        if (a is <= 0 or >= 1 || b is <= 0 or >= 1)
            throw RequestParameters.Invalid(a is <= 0 or >= 1 ? "alpha" : "power", $"{parameters.Label("alpha")} and {parameters.Label("power")} must be between 0 and 1");
        if (effect is { } delta)
        {
            if (delta == 0) throw RequestParameters.Invalid("mde", $"{parameters.Label("mde")} must not be 0");
            if (p is null && relative) throw RequestParameters.Invalid("relative", $"{parameters.Label("relative")} needs {parameters.Label("baseline")}");
            var perArm = Checked(() => p is { } baseline
                ? Power.SampleSizePerArmForProportions(baseline, delta, a, b, relative)
                : Power.SampleSizePerArmForMeans(sigma!.Value, delta, a, b));
            return new SampleSizeAnswer(perArm, a, b, "normal approximation, two-sided");
        }
        var detectable = Checked(() => p is { } baseline2
            ? Power.MinimumDetectableEffectForProportions(baseline2, n!.Value, a, b)
            : Power.MinimumDetectableEffectForMeans(sigma!.Value, n!.Value, a, b));
        return new DetectableEffectAnswer(detectable, p is { } r ? detectable / r : null, a, b);
    }

    /// <summary>A value the formulas refuse (an effect that moves the rate outside (0, 1), a non-positive deviation) is an error about its field.</summary>
    private static T Checked<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var field = e.ParamName switch
            {
                "minimumDetectableEffect" or "effect" => "mde",
                "standardDeviation" => "sd",
                "nPerArm" => "users",
                "alpha" => "alpha",
                "power" => "power",
                _ => "baseline",
            };
            var message = e.Message;
            var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            throw RequestParameters.Invalid(field, parameter < 0 ? message : message[..parameter]);
        }
    }

    private static double? Number(RequestParameters parameters, string name)
    {
        if (parameters.Text(name) is not { } text) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw RequestParameters.Invalid(name, $"{parameters.Label(name)} '{text}' is not a number");
    }

    private static long Users(RequestParameters parameters, string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw RequestParameters.Invalid("users", $"{parameters.Label("users")} '{text}' is not a whole number");
}
