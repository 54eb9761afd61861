using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Guest messaging: templates, sending through the outbox, and tracking what vendors report.</summary>
    public static IServiceCollection AddStayfullMessaging(this IServiceCollection services)
    {
        services.AddScoped<MessagingService>();
        services.AddScoped<MessageTracking>();
        services.AddScoped<IOutboxDispatcher, EmailDispatcher>();
        services.AddScoped<IOutboxDispatcher, SmsDispatcher>();
        return services;
    }
}
