namespace Sextant.Application.Requests;

/// <summary>
/// One analysis asked for in text form: reads its parameters, checks every typed name against
/// the store, runs the query on the project's engine and returns the result record. The
/// command line, the HTTP API and query documents all go through it, so the same question gives
/// the same result, serialized by <see cref="Serialization.ResultJson"/> (docs/SERVER.md).
/// </summary>
public interface IAnalysisRequest
{
    /// <summary>The analysis's name in a query document (<c>"analysis": "funnel"</c>).</summary>
    string Name { get; }

    /// <summary>One line on what it answers.</summary>
    string Summary { get; }

    /// <summary>Reads the parameters and runs the analysis.</summary>
    /// <exception cref="SextantException">A parameter is invalid, unknown, or names something the data do not have; <see cref="RequestParameters.FieldOf"/> names the field.</exception>
    object Run(Project project, RequestParameters parameters);
}
