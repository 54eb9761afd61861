using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Messaging;

namespace Stayfull.Domain.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>The unified inbox: intake of emails and OTA chat, replies on the guest's channel and the OTA reply dispatcher.</summary>
    public static IServiceCollection AddStayfullInbox(this IServiceCollection services)
    {
        services.AddScoped<InboxService>();
        services.AddScoped<InboxIntake>();
        services.AddScoped<IGuestReplySender, GuestReplies>();
        services.AddScoped<IOutboxDispatcher, OtaMessageDispatcher>();
        return services;
    }
}
