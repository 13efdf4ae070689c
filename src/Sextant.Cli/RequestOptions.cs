using System.CommandLine;
using Sextant.Application.Requests;

namespace Sextant.Cli;

/// <summary>
/// A command's options as the parameters of an analysis request (<see cref="IAnalysisRequest"/>):
/// <c>--window 7d</c> becomes <c>window = 7d</c>. Only options given on the command line are
/// passed, so the request's own defaults apply, as they do over HTTP.
/// </summary>
internal static class RequestOptions
{
    public static RequestParameters Read(ParseResult result, IEnumerable<Option> options) => Read(result, options, []);

    /// <summary>The options given, and the arguments (<c>sextant experiment NAME</c>: <c>name = NAME</c>) under their own names.</summary>
    public static RequestParameters Read(ParseResult result, IEnumerable<Option> options, IEnumerable<Argument> arguments)
    {
        var values = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var argument in arguments)
            if (result.GetResult(argument) is { Tokens.Count: > 0 } given) values.Add(new(argument.Name, [.. given.Tokens.Select(t => t.Value)]));
        foreach (var option in options)
        {
            if (result.GetResult(option) is not { Implicit: false } given) continue;
            IReadOnlyList<string> texts = given.Tokens.Count == 0 ? ["true"] : [.. given.Tokens.Select(t => t.Value)];
            values.Add(new(option.Name.TrimStart('-'), texts));
        }
        return new RequestParameters(values, optionStyle: true);
    }
}
