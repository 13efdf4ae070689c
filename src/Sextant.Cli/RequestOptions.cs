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
    public static RequestParameters Read(ParseResult result, IEnumerable<Option> options)
    {
        var values = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var option in options)
        {
            if (result.GetResult(option) is not { Implicit: false } given) continue;
            IReadOnlyList<string> texts = given.Tokens.Count == 0 ? ["true"] : [.. given.Tokens.Select(t => t.Value)];
            values.Add(new(option.Name.TrimStart('-'), texts));
        }
        return new RequestParameters(values, optionStyle: true);
    }
}
