"""Shell completion of unit names and rule codes, through click's own completion.

    eval "$(_XIANJIN_COMPLETE=bash_source xianjin)"    # bash; zsh_source, fish_source likewise
"""

from __future__ import annotations

from click.shell_completion import CompletionItem


def complete_unit(ctx, param, incomplete: str) -> list[CompletionItem]:
    from xianjin.campaign import Campaign
    from xianjin.validate import CampaignError, load_campaign

    campaign = ctx.params.get("campaign")
    if not isinstance(campaign, Campaign):
        try:
            campaign = load_campaign(campaign)
        except CampaignError:
            return []
    return [CompletionItem(u.名称, help=u.填报单位) for u in campaign.推荐单位 if u.名称.startswith(incomplete)]


def complete_rule(ctx, param, incomplete: str) -> list[CompletionItem]:
    from xianjin.rules import RULES

    return [CompletionItem(r.code, help=r.title) for r in RULES if r.code.startswith(incomplete.upper())]
