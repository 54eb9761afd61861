using MudBlazor;
using Stayfull.Domain.Messaging;

namespace Stayfull.Web.Components.Pages.Inbox;

/// <summary>One icon per channel, the same in the list and the thread.</summary>
internal static class ChannelIcons
{
    public static string Of(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => Icons.Material.Filled.Email,
        MessageChannel.Ota => Icons.Material.Filled.Forum,
        _ => Icons.Material.Filled.Sms,
    };
}
