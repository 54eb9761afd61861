using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using Stayfull.Domain.Replies;

namespace Stayfull.Integrations.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// Suggested replies: the knowledge base and the built-in generator always; where <c>Ai:Endpoint</c>,
    /// <c>Ai:Model</c> and <c>Ai:ApiKey</c> are configured, an OpenAI-compatible <see cref="IChatClient"/> and the
    /// model-written suggestions over it (falling back to the built-in answer on any failure).
    /// </summary>
    public static IServiceCollection AddAiReplies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStayfullReplies();
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        var options = configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        services.TryAddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<AiOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IReplySuggester>(sp =>
        {
            var ai = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            return new ChatClientReplySuggester(
                sp.GetRequiredService<IChatClient>(),
                new ChatReplyOptions { Timeout = ai.Timeout, EntriesInPrompt = ai.EntriesInPrompt },
                sp.GetRequiredService<ILogger<ChatClientReplySuggester>>());
        }));
        return services;
    }

    /// <summary>An OpenAI chat client for any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, a local server).</summary>
    public static IChatClient CreateChatClient(AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new ChatClient(
            options.Model!,
            new ApiKeyCredential(options.ApiKey!),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                NetworkTimeout = options.Timeout,

                // One try: a slow or failing model falls back to the built-in answer rather than keep staff waiting.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
        return client.AsIChatClient();
    }
}
