using System.Collections.Specialized;
using System.Web;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Stripe;

/// <summary>Canned Stripe answers for the local fake server, and readers for what reached it.</summary>
internal static class StripeWire
{
    public static void Answer(this WireMockServer server, string method, string path, int status, string json, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("Request-Id", "req_fake").WithBody(json);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    public static string Intent(string id, string status, long amount, long capturable = 0, long received = 0) =>
        $$$"""{"id":"{{{id}}}","object":"payment_intent","amount":{{{amount}}},"amount_capturable":{{{capturable}}},"amount_received":{{{received}}},"capture_method":"manual","currency":"eur","status":"{{{status}}}","livemode":false,"metadata":{}}""";

    public static string Error(string type, string code, string message) =>
        $$$"""{"error":{"type":"{{{type}}}","code":"{{{code}}}","message":"{{{message}}}"}}""";

    public static ILogEntry Single(this WireMockServer server) => Assert.Single(server.LogEntries);

    public static NameValueCollection Form(this ILogEntry entry) => HttpUtility.ParseQueryString(entry.RequestMessage.Body ?? "");

    public static string Header(this ILogEntry entry, string name) =>
        entry.RequestMessage.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : "";
}
