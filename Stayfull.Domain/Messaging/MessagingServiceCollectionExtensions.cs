using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Inbox;

namespace Stayfull.Domain.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Guest messaging: templates, sending through the outbox, and tracking what vendors report. The
    /// dispatchers are registered with the senders they drive (SendGrid, Twilio), since the ports live there.
    /// </summary>
    public static IServiceCollection AddStayfullMessaging(this IServiceCollection services)
    {
        services.AddScoped<MessagingService>();
        services.AddScoped<MessageTracking>();
        services.AddSingleton<PreArrivalMessages>();
        services.AddStayfullInbox();
        return services;
    }
}
