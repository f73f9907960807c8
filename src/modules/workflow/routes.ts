// Workflow routes: the reviewers' inbox (claim, release), the department admin's task list and
// reassignment, and the process editor. Acting on a task is a cases route (it changes the case too).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/http/access.ts';
import type { WorkflowModule } from './index.ts';
import {
  AssigneeList,
  AssigneesQuery,
  ImplementationParams,
  InboxQuery,
  InboxView,
  ProcessDefinition,
  ProcessView,
  ReassignBody,
  TaskIdParams,
  TaskView,
} from './schema.ts';

const tags = ['workflow'];
const reviewers = { access: { roles: ['reviewer' as const, 'dept_head' as const] } };
const deptAdmin = { access: { roles: ['dept_admin' as const] } };
const deptStaff = {
  access: {
    roles: ['dept_admin' as const, 'reviewer' as const, 'dept_head' as const, 'window_clerk' as const],
  },
};

export function workflowRoutes(workflow: WorkflowModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/workflow/inbox',
      {
        config: reviewers,
        schema: { tags, summary: '我的待办', querystring: InboxQuery, response: { 200: InboxView } },
      },
      async (req) => workflow.inbox(actorOf(req), req.query),
    );
    app.post(
      '/api/workflow/tasks/:id/claim',
      {
        config: reviewers,
        schema: { tags, summary: '签收任务', params: TaskIdParams, response: { 200: TaskView } },
      },
      async (req) => workflow.claim(contextOf(req), req.params.id),
    );
    app.post(
      '/api/workflow/tasks/:id/release',
      {
        config: reviewers,
        schema: { tags, summary: '退回待办池', params: TaskIdParams, response: { 200: TaskView } },
      },
      async (req) => workflow.release(contextOf(req), req.params.id),
    );
    app.get(
      '/api/workflow/department-tasks',
      {
        config: deptAdmin,
        schema: { tags, summary: '本部门在办任务', querystring: InboxQuery, response: { 200: InboxView } },
      },
      async (req) => workflow.departmentTasks(actorOf(req), req.query),
    );
    app.post(
      '/api/workflow/tasks/:id/reassign',
      {
        config: deptAdmin,
        schema: {
          tags,
          summary: '改派任务',
          params: TaskIdParams,
          body: ReassignBody,
          response: { 200: TaskView },
        },
      },
      async (req) => workflow.reassign(contextOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/workflow/assignees',
      {
        config: deptAdmin,
        schema: {
          tags,
          summary: '可改派的本部门人员',
          querystring: AssigneesQuery,
          response: { 200: AssigneeList },
        },
      },
      async (req) => workflow.assignees(actorOf(req), req.query.role),
    );
    app.get(
      '/api/workflow/processes/:implementationId',
      {
        config: deptStaff,
        schema: {
          tags,
          summary: '事项审批流程',
          params: ImplementationParams,
          response: { 200: ProcessView },
        },
      },
      async (req) => workflow.getProcess(contextOf(req), req.params.implementationId),
    );
    app.put(
      '/api/workflow/processes/:implementationId',
      {
        config: deptAdmin,
        schema: {
          tags,
          summary: '保存事项审批流程',
          params: ImplementationParams,
          body: z.object({ definition: ProcessDefinition }).strict(),
          response: { 200: ProcessView },
        },
      },
      async (req) => workflow.saveProcess(contextOf(req), req.params.implementationId, req.body.definition),
    );
  };
  return plugin;
}
