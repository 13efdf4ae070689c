using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sextant.Application.Requests;

namespace Sextant.Server;

/// <summary>Errors as RFC 9457 problem details (<c>application/problem+json</c>), with the field a bad request is about.</summary>
internal static class Problems
{
    /// <summary>A problem of the status, with a title and a one-line detail.</summary>
    public static IResult Of(int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        if (field is not null) problem.Extensions["field"] = field;
        return Results.Problem(problem);
    }

    /// <summary>400 for a request the user can fix, naming its field when known.</summary>
    public static IResult BadRequest(SextantException error) =>
        Of(StatusCodes.Status400BadRequest, "Bad request", error.Message, RequestParameters.FieldOf(error));
}
