using System.Reflection;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Engine.Tests.Errors;

/// <summary>The catalogue of ErrorIds holds every one an exception of the module can give, and means each one it holds.</summary>
public sealed class ErrorIdsTests
{
    private static readonly DinteroApiException Refused = new(400, "POST", "/v1/accounts/T11200001/x", "BAD", "Invalid", Array.Empty<DinteroFieldError>(), null, null, null, null);

    /// <summary>Every kind of exception the module throws, in every state that changes its ErrorId.</summary>
    public static IEnumerable<object[]> Exceptions()
    {
        foreach (DinteroAccessFailure failure in Enum.GetValues(typeof(DinteroAccessFailure))) yield return new object[] { new DinteroAccessException(failure, "T11200001", "T11200000", "no", null) };
        foreach (DinteroProxyFailure failure in Enum.GetValues(typeof(DinteroProxyFailure))) yield return new object[] { new DinteroProxyException(failure, new Uri("http://proxy:3128"), "no", null) };
        foreach (var reached in new[] { true, false }) yield return new object[] { new DinteroTransportException("lost", "POST", "/v1/x", reached, null) };
        foreach (var undone in new[] { true, false }) yield return new object[] { new DinteroRollbackException("undone", "again", Refused, undone, undone ? null : "id") };
        foreach (ReadBackFinding finding in Enum.GetValues(typeof(ReadBackFinding)))
        {
            yield return new object[] { new DinteroReadBackException(finding, "read", "again", Refused) };
            yield return new object[] { new DinteroReadBackException(finding, "read", "again", new DinteroTransportException("lost", "POST", "/v1/x", true, null)) };
        }
        foreach (var status in new[] { 302, 307, 400, 404, 429, 500, 503 }) yield return new object[] { new DinteroApiException(status, "POST", "/v1/x", null, "no", Array.Empty<DinteroFieldError>(), null, null, null, null) };
        yield return new object[] { Refused };
        foreach (var (status, timedOut) in new[] { ("declined", false), ((string?)null, true), ("failed", false) }) yield return new object[] { new DinteroWaitException("waited", "T11200001", "common", status, timedOut, null) };
        yield return new object[] { new DinteroValidationException("The row", new[] { new Dintero.Connections.Validation.ValidationProblem("signup.store_type", "is required.") }) };
        yield return new object[] { new DinteroUnexpectedException("odd", new InvalidOperationException("odd")) };
    }

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Every_exception_s_ErrorId_is_in_the_catalogue(DinteroException exception)
    {
        Assert.True(ErrorIds.IsKnown(exception.ErrorId), $"{exception.GetType().Name} gives {exception.ErrorId}, which the catalogue lacks.");
        Assert.True(ErrorIds.IsKnown(ErrorReport.From(exception).ErrorId));
    }

    [Fact]
    public void Every_ErrorId_of_the_catalogue_has_its_meaning_and_nothing_else_is_known()
    {
        var constants = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral).Select(field => (string)field.GetValue(null)!).ToList();
        var meant = ErrorIds.Meanings.Select(pair => pair.Key).ToList();

        Assert.All(constants.Where(id => !id.EndsWith(".", StringComparison.Ordinal)), id => Assert.Contains(id, meant));
        Assert.All(meant, id => Assert.True(constants.Contains(id) || constants.Any(prefix => prefix.EndsWith(".", StringComparison.Ordinal) && id.StartsWith(prefix, StringComparison.Ordinal)), id));
        Assert.Equal(meant.Count, meant.Distinct().Count());
        Assert.False(ErrorIds.IsKnown("Dintero.Api.Oops"));
        Assert.False(ErrorIds.IsKnown("Dintero.Access.Something"));
        Assert.True(ErrorIds.IsKnown("Dintero.Api.400.BAD"));
        Assert.True(ErrorIds.IsKnown("Dintero.Wait.declined"));
    }
}
