using Quartz;
using Stayfull.Domain.Channels.Bookings;

namespace Stayfull.Web.Jobs;

/// <summary>Pulls every distributing hotel's booking feed, so a lost webhook delays an OTA booking by minutes, never loses it.</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelBookingFeedJob(ChannelBookingFeed feed, ILogger<ChannelBookingFeedJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(ChannelBookingFeedJob), "channels");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var taken = await feed.PollAllAsync(cancellationToken);
        if (taken > 0)
        {
            logger.LogInformation("Channel booking feed: {Count} revisions taken in", taken);
        }
    }
}
