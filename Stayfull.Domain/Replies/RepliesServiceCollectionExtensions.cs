using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stayfull.Domain.Messaging;

namespace Stayfull.Domain.Replies;

public static class RepliesServiceCollectionExtensions
{
    /// <summary>
    /// Suggested replies: the knowledge base, the built-in generator as <see cref="IReplySuggester"/> (a model
    /// replaces it where one is configured) and automatic replies to inbound messages. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddStayfullReplies(this IServiceCollection services)
    {
        services.TryAddSingleton<KnowledgeBaseReplySuggester>();
        services.TryAddSingleton<IReplySuggester>(sp => sp.GetRequiredService<KnowledgeBaseReplySuggester>());
        services.TryAddScoped<KnowledgeBaseService>();
        services.TryAddScoped<ReplySuggestionService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboundGuestMessageListener, AutoReplyListener>());
        return services;
    }
}
