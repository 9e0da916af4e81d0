// Every control-point source registers itself on import; add a line for a new source file.
import './client.source';
import './meeting.source';
import './proposal.source';
import './deal.source';
import './invoice.source';
import './contract.source';
import './contract-schedule.source';
import './act.source';
import './campaign.source';
import './survey.source';
