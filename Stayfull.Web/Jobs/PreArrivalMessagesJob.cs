using Quartz;
using Stayfull.Domain.Messaging;

namespace Stayfull.Web.Jobs;

/// <summary>Thin on purpose: the domain decides who is due; the job only says when to look.</summary>
[DisallowConcurrentExecution]
internal sealed class PreArrivalMessagesJob(PreArrivalMessages messages, ILogger<PreArrivalMessagesJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(PreArrivalMessagesJob), "messaging");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var considered = await messages.QueueDueAsync(cancellationToken);
        logger.LogInformation("Pre-arrival messages: {Count} stays considered", considered);
    }
}
