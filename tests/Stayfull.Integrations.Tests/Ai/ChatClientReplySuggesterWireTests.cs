using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Replies;
using Stayfull.Integrations.Ai;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Stayfull.Integrations.Tests.Ai;

/// <summary>Model-written suggestions over an OpenAI-compatible <c>/v1/chat/completions</c>, served by WireMock.</summary>
public sealed class ChatClientReplySuggesterWireTests : IDisposable
{
    private const string Model = "guest-replies-mini";
    private const string CompletionsPath = "/v1/chat/completions";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly string _apiKey = "test-key-" + Guid.NewGuid().ToString("N");

    private static readonly HotelFacts Hotel = new("Hotel Cais", new TimeOnly(15, 0), new TimeOnly(11, 0));

    private static readonly ReservationFacts Stay = new("ABC123", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 27), "Confirmed", "Superior Sea View", "204", 12_550, "€125.50", DoorCodeStatus.Ready, true);

    private static IReadOnlyList<KnowledgeFact> Knowledge =>
        [.. DefaultKnowledgeBase.Entries("EUR").Select(v => new KnowledgeFact(Guid.NewGuid(), v.Title, v.Category, v.Phrasings.Split('\n'), v.Answer))];

    private ServiceProvider Services(TimeSpan? timeout = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ai:Endpoint"] = _server.Url + "/v1",
            ["Ai:Model"] = Model,
            ["Ai:ApiKey"] = _apiKey,
            ["Ai:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString(),
        }).Build();
        return new ServiceCollection().AddLogging().AddAiReplies(configuration).BuildServiceProvider();
    }

    private void ModelAnswers(int status, string content, TimeSpan? delay = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_764_000_000,
            model = Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(status == 200 ? body : """{"error":{"message":"upstream failure","type":"server_error"}}""");
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        _server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).RespondWith(response);
    }

    [Fact]
    public async Task TheModelIsAskedWithTheRetrievedEntriesAndTheBookingFactsAndItsAnswerIsSuggested()
    {
        ModelAnswers(200, "Olá Ana! Sim, temos uma garagem subterrânea por €20.00 por noite.");
        await using var services = Services();
        var suggester = services.GetRequiredService<IReplySuggester>();

        var suggestion = await suggester.SuggestAsync(new ReplyRequest("Vocês têm estacionamento para o carro? Is there parking?", "Ana Costa", "pt", Hotel, Stay, Knowledge), CancellationToken.None);

        Assert.IsType<ChatClientReplySuggester>(suggester);
        Assert.Equal(ReplyKind.Model, suggestion.Kind);
        Assert.StartsWith("Olá Ana!", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal("Parking", suggestion.MatchedEntryTitle);
        Assert.InRange(suggestion.Confidence, 0.01, 1);

        var call = Assert.Single(_server.LogEntries);
        Assert.Equal("Bearer " + _apiKey, call.RequestMessage.Headers!["Authorization"].Single());
        using var body = JsonDocument.Parse(call.RequestMessage.Body!);
        Assert.Equal(Model, body.RootElement.GetProperty("model").GetString());
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var system = messages.Single(m => m.GetProperty("role").GetString() == "system").GetProperty("content").ToString();
        Assert.Contains("underground garage", system, StringComparison.Ordinal); // the Parking entry's answer
        Assert.Contains("ABC123", system, StringComparison.Ordinal);
        Assert.Contains("Superior Sea View", system, StringComparison.Ordinal);
        Assert.Contains("room number: 204", system, StringComparison.Ordinal);
        Assert.Contains("€125.50", system, StringComparison.Ordinal);
        Assert.Contains("2026-11-24", system, StringComparison.Ordinal);
        Assert.Contains("\"pt\"", system, StringComparison.Ordinal);
        Assert.Contains(ChatClientReplySuggester.PassMarker, system, StringComparison.Ordinal);
        Assert.DoesNotContain("Laundry", system, StringComparison.Ordinal); // only the best few entries, not the whole knowledge base
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "user" && m.GetProperty("content").ToString().Contains("estacionamento", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServerErrorFallsBackToTheBuiltInAnswer()
    {
        ModelAnswers(500, "");
        await using var services = Services();

        var suggestion = await services.GetRequiredService<IReplySuggester>().SuggestAsync(new ReplyRequest("Is there parking?", null, "en", Hotel, Stay, Knowledge), CancellationToken.None);

        Assert.Equal(ReplyKind.Faq, suggestion.Kind);
        Assert.Equal("Parking", suggestion.MatchedEntryTitle);
        Assert.Contains("underground garage", suggestion.Text, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries); // one try: staff are not kept waiting on retries
    }

    [Fact]
    public async Task AModelTooSlowToAnswerFallsBackToTheBuiltInAnswer()
    {
        ModelAnswers(200, "Too late", delay: TimeSpan.FromSeconds(5));
        await using var services = Services(timeout: TimeSpan.FromMilliseconds(300));

        var suggestion = await services.GetRequiredService<IReplySuggester>().SuggestAsync(new ReplyRequest("What is the wifi password?", null, "en", Hotel, null, Knowledge), CancellationToken.None);

        Assert.Equal(ReplyKind.Faq, suggestion.Kind);
        Assert.Equal("Wi-Fi", suggestion.MatchedEntryTitle);
    }

    [Fact]
    public async Task WhenNothingIsRetrievedAndTheModelPassesTheQuestionOnItIsADecline()
    {
        ModelAnswers(200, "[PASS] Thank you! I'm passing your question to a colleague who will answer shortly.");
        await using var services = Services();

        var suggestion = await services.GetRequiredService<IReplySuggester>().SuggestAsync(new ReplyRequest("Can you recommend a dentist?", null, "en", Hotel, null, Knowledge), CancellationToken.None);

        Assert.Equal(ReplyKind.Declined, suggestion.Kind);
        Assert.DoesNotContain("[PASS]", suggestion.Text, StringComparison.Ordinal);
        Assert.StartsWith("Thank you!", suggestion.Text, StringComparison.Ordinal);
        Assert.True(suggestion.Confidence <= 0.3);
        Assert.NotNull(suggestion.NeedsPerson);
    }

    [Fact]
    public async Task WithoutAnEndpointModelAndKeyTheBuiltInGeneratorAnswersAndNoChatClientIsRegistered()
    {
        await using var services = new ServiceCollection().AddLogging().AddAiReplies(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.IsType<KnowledgeBaseReplySuggester>(services.GetRequiredService<IReplySuggester>());
        Assert.Null(services.GetService<IChatClient>());
    }

    public void Dispose() => _server.Dispose();
}
